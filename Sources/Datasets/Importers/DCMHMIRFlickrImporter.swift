import Foundation
import Linalg

/// Builds a dataset from DCMH's MIRFlickr-25K triple (Jiang and Li, CVPR 2017):
/// `mirflickr25k-yall.mat` with `YAll` (20,015 × 1,386 tag vectors),
/// `mirflickr25k-lall.mat` with `LAll` (20,015 × 24 labels) and, optionally,
/// `mirflickr25k-iall.mat` with `IAll`. hashlab stores features, not pixels: a 2-D
/// `IAll` (items × D features) becomes the `image` modality; a 4-D `IAll` (DCMH's
/// 224 × 224 × 3 raw images) or no `IAll` gives a text-only dataset, and `note` says
/// so. There is no stored split; the cross-modal protocol draws one by seed.
enum DCMHMIRFlickrImporter {
    static func contents(_ sources: MATSources, name: String, note: (String) -> Void) throws -> DatasetContents {
        let labels = try sources.multiHotLabels("LAll")
        let text = try sources.itemRows("YAll", items: labels.rows)
        var modalities: [DatasetContents.Modality] = []
        if sources.contains("IAll") {
            let file = try sources.file(holding: "IAll")
            let dimensions = try file.dimensions(of: "IAll")
            if dimensions.count == 2 {
                modalities.append(.init(name: "image", features: try sources.itemRows("IAll", items: labels.rows)))
            } else {
                note("\(file.path): IAll is \(dimensions.map(String.init).joined(separator: " × ")) (raw images, "
                     + "not features); the dataset has the text modality only")
            }
        } else {
            note("no IAll among the sources; the dataset has the text modality only")
        }
        modalities.append(.init(name: "text", features: text))
        return DatasetContents(name: name, modalities: modalities, labels: labels,
                               classes: (1...labels.columns).map { "label-" + String(format: "%02d", $0) })
    }
}
