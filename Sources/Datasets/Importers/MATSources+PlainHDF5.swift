extension MATSources {
    /// `file` opened as plain HDF5 when its variable `variable` is not MATLAB's: the file
    /// is HDF5 (what ``MATFile`` takes for v7.3) and the object `/variable` lacks the
    /// `MATLAB_class` attribute, as in files written by h5py. `nil` for MATLAB's
    /// variables, which ``MATFile`` reads.
    ///
    /// - Throws: ``HDF5Error`` naming the file when it cannot be examined.
    func plainHDF5(_ file: MATFile, holding variable: String) throws -> HDF5File? {
        guard file.version == .v73 else { return nil }
        let hdf5 = try HDF5File(reading: file.path)
        return try hdf5.attributeNames(on: "/" + variable).contains("MATLAB_class") ? nil : hdf5
    }

    /// The strings of `variable`: a MATLAB char array (one per row) or cell array of
    /// char arrays, or a 1-D string dataset of a plain HDF5 file.
    ///
    /// - Throws: ``ImportError/missingVariable(variable:files:)``; ``MATFileError`` or
    ///   ``HDF5Error`` naming the file and variable when it holds no strings.
    func strings(_ variable: String) throws -> [String] {
        let file = try self.file(holding: variable)
        if let hdf5 = try plainHDF5(file, holding: variable) { return try hdf5.readStrings("/" + variable) }
        return try file.strings(variable)
    }
}
