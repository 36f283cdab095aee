import ArgumentParser
import Datasets
import Foundation
import Pipeline

/// `hashlab report SPEC…`: writes each spec's tables, ablation CSVs and plots from
/// the store alone (nothing is trained); missing runs are stated in the reports.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the specs' tables (md, tex, csv), ablation CSVs and SVG plots from the store.")

    @Argument(help: "Spec files (experiments/*.yaml).")
    var specs: [String]

    @OptionGroup var options: ResultsOptions

    func run() throws {
        let store = options.store
        let execution = RunExecution(store: store, catalog: DatasetCatalog(root: options.root))
        let plans = try reportingErrors { try options.plans(options.specs(specs), execution: execution) }
        try reportingErrors {
            for plan in plans {
                let records = plan.records(in: store)
                let writer = ReportWriter(experiment: plan.spec.name, description: plan.spec.description,
                                          items: plan.spec.report, paper: plan.spec.paper, records: records,
                                          expectedRuns: plan.runs.count)
                let written = try writer.write(to: options.resultsDirectory)
                let (found, declined) = ReportRecord.runCounts(records)
                print("\(plan.spec.name): \(found) of \(plan.runs.count) runs"
                      + (declined > 0 ? " (\(declined) not applicable)" : "") + "; wrote "
                      + written.joined(separator: ", "))
            }
        }
    }
}
