import ArgumentParser
import Datasets
import Foundation

/// `hashlab datasets import KIND --from FILES [--out PATH] [--dataset NAME]`: builds a
/// dataset file from MATLAB source files a researcher holds; `import mat` also takes
/// the variables to read (`--modality`, `--labels`, `--split`, `--classes`).
struct ImportDataset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a dataset from source files you hold (xlsa17, lemon-mirflickr, dcmh-mirflickr, mat).",
        discussion: """
            xlsa17:          --from res101.mat att_splits.mat   (AWA2 by default; AWA1/CUB/SUN/APY with --dataset)
            lemon-mirflickr: --from MIRFLICKR.mat
            dcmh-mirflickr:  --from mirflickr25k-yall.mat mirflickr25k-lall.mat [mirflickr25k-iall.mat]
            mat:             --from FILE… --modality image=I_tr,I_te
                             --modality text=T_tr,T_te --labels L_tr,L_te
                             --split train,test [--classes NAMES]
            mat reads MAT v5, v7.3 and h5py's HDF5 files. Parts are stacked in order
            and stored as the split /splits/given/<part> (--split names them; needed
            with more than one part). Labels are class ids (vectors; 0-based when the
            smallest id is 0, else 1-based; classes named by id) or 0/1 multi-hot
            matrices (classes named 1…C); --classes names them from a variable. Each
            matrix may be items × D or D × items. A mat import uses a manifest only
            when --dataset names one.
            Files whose names the dataset's manifest lists (hashlab's built-in
            manifests, or the project's datasets/*.yaml) must match its sha256 and
            size, unless --allow-unverified is given, which records the mismatch in
            the dataset; every file's sha256 is recorded in the dataset. Nothing is
            written when any check fails.
            """)

    @Argument(help: "The source layout: xlsa17, lemon-mirflickr, dcmh-mirflickr or mat.")
    var kind: String

    @Option(name: .customLong("from"), parsing: .upToNextOption,
            help: "The source files (MAT v5 or v7.3; for mat also HDF5 from h5py).")
    var files: [String]

    @Option(name: .customLong("modality"),
            help: "mat: a modality and its feature variables, one per part: NAME=VARIABLE,… (repeatable).")
    var modalities: [String] = []

    @Option(help: "mat: the label variables, one per part: VARIABLE,… (class ids or multi-hot).")
    var labels: String?

    @Option(help: "mat: the part names, stored as /splits/given/<part>: NAME,… (needed with more than one part).")
    var split: String?

    @Option(help: "mat: the variable holding the class names.")
    var classes: String?

    @Option(name: .long, help: """
        The dataset's name (default: awa2, mirflickr-lemon or mirflickr-dcmh by kind; for mat the first file's name).
        """)
    var dataset: String?

    @Option(name: .long, help: "Where to write the dataset (default: datasets/data/NAME.h5 under --root).")
    var out: String?

    @Flag(name: .long, help: """
        Accept source files whose sha256 or size differs from the manifest (e.g. re-saved copies); \
        the dataset records which file failed, with the expected and actual sha256.
        """)
    var allowUnverified = false

    @OptionGroup var options: RootOption

    func run() throws {
        try reportingErrors {
            let kind = try DatasetImport.Kind(named: kind)
            let variables = try variableMap(for: kind)
            let name = dataset ?? kind.defaultDataset(files: files)
            let catalog = DatasetCatalog(root: options.root)
            // A mat import is named after its first file unless --dataset names a dataset;
            // only a dataset named so has a manifest.
            let manifestName = kind == .mat ? dataset : name
            let manifest = try manifestName.flatMap { try catalog.knownManifest($0) }
            let path = out ?? catalog.dataPath(name)
            try DatasetImport(kind: kind, name: name, files: files, manifest: manifest, variables: variables,
                              allowUnverified: allowUnverified)
                .run(writingTo: path) { print($0) }
        }
    }

    /// The mat options as the variables to read: required by `mat`, refused by the
    /// other kinds.
    func variableMap(for kind: DatasetImport.Kind) throws -> MATVariableMap? {
        guard kind == .mat else {
            guard modalities.isEmpty, labels == nil, split == nil, classes == nil else {
                throw ValidationError("--modality, --labels, --split and --classes are options of import mat, "
                                      + "not of import \(kind.rawValue)")
            }
            return nil
        }
        guard !modalities.isEmpty, let labels else {
            throw ValidationError(
                "import mat needs --modality NAME=VARIABLE,… (once per modality) and --labels VARIABLE,…")
        }
        return try MATVariableMap(modalities: modalities, labels: labels, split: split, classNames: classes)
    }
}
