// Pipeline's callers of the atomic writer (the run store, report files, `run-one
// --out`) see ``writeAtomically(_:to:)`` through `import Pipeline`, as they did when it
// lived in Datasets.
@_exported import FileIO
