extension DatasetContents {
    /// Checks the contents (see ``DatasetValidation``) and writes them atomically as a
    /// hashlab dataset file at `path`: `/features/<modality>` float32, `/labels` uint8,
    /// `/classes` strings, `/splits/<name>/<part>` int32, optional `/attributes`
    /// float32, and the root string attributes `name` and every provenance entry.
    /// Nothing is left at `path` when a check or a write fails; a file already there
    /// is replaced only when the new one is complete.
    ///
    /// - Throws: ``DatasetError`` when the contents are not a valid dataset (naming
    ///   `path`), or ``HDF5Error`` when writing fails.
    public func write(to path: String) throws {
        try DatasetValidation(file: path).check(self)
        try HDF5File.write(to: path) { file in
            for modality in modalities {
                try file.write(modality.features, to: "/features/\(modality.name)")
            }
            try file.write(labels, to: "/labels")
            try file.write(classes, to: "/classes")
            for split in splits {
                for part in split.parts {
                    try file.write(part.items.map { Int32($0) }, to: "/splits/\(split.name)/\(part.name)")
                }
            }
            if let attributes {
                try file.write(attributes, to: "/attributes")
            }
            try file.setAttribute("name", name)
            for (key, value) in provenance.sorted(by: { $0.key < $1.key }) {
                try file.setAttribute(key, value)
            }
        }
    }
}
