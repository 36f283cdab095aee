import CHDF5

/// Adds to an existing HDF5 file a float32 dataset that declares a shape but holds no
/// data (HDF5 allocates its storage only when written, so the file stays small) — the
/// shape of a malformed or hostile file whose readers must not allocate what it
/// declares: `f.create_dataset("x", shape=(2000, 50_000_000), dtype="f4")` in h5py.
public enum DeclaredShapeTestWriter {
    /// How the declared dataset is laid out.
    public enum Layout: Sendable {
        /// Contiguous storage, allocated late (never, here).
        case contiguous
        /// Chunks of `rows` × the full width, deflate-compressed, none written.
        case chunked(rows: Int)
    }

    /// Declares `objectPath` (creating missing groups above it) with `shape` in the file at `path`.
    public static func declare(_ objectPath: String, shape: [Int], layout: Layout, in path: String) {
        H5Eset_auto2(hashlab_H5E_DEFAULT(), nil, nil)
        let file = H5Fopen(path, hashlab_H5F_ACC_RDWR(), hashlab_H5P_DEFAULT())
        precondition(file >= 0, "cannot open \(path)")
        defer { H5Fclose(file) }
        let dimensions = shape.map { hsize_t($0) }
        let dataspace = H5Screate_simple(Int32(dimensions.count), dimensions, nil)
        defer { H5Sclose(dataspace) }
        let properties = H5Pcreate(hashlab_H5P_DATASET_CREATE())
        defer { H5Pclose(properties) }
        switch layout {
        case .contiguous:
            H5Pset_layout(properties, H5D_CONTIGUOUS)
            H5Pset_alloc_time(properties, H5D_ALLOC_TIME_LATE)
        case let .chunked(rows):
            var chunk = dimensions
            chunk[0] = hsize_t(rows)
            H5Pset_chunk(properties, Int32(chunk.count), chunk)
            H5Pset_deflate(properties, 4)
        }
        let linkProperties = H5Pcreate(hashlab_H5P_LINK_CREATE())
        defer { H5Pclose(linkProperties) }
        H5Pset_create_intermediate_group(linkProperties, 1)
        let dataset = H5Dcreate2(file, objectPath, hashlab_H5T_IEEE_F32LE(), dataspace, linkProperties,
                                 properties, hashlab_H5P_DEFAULT())
        precondition(dataset >= 0, "cannot declare \(objectPath) in \(path)")
        H5Dclose(dataset)
    }
}
