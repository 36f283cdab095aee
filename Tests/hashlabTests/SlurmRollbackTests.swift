import Foundation
import Testing
import TestSupport

extension SlurmCommandTests {
    /// A submission whose second array is rejected after its first was accepted: a
    /// controller of its own (``SlurmPrivateController``) with a site's submission limit,
    /// the `job_submit/throttle` plugin at one job per user and hour, accepts the first
    /// array of the 12 runs (8 tasks, MaxArraySize 8) and refuses the second. hashlab
    /// exits 1 with sbatch's message, cancels the first array — the controller holds
    /// exactly that one job, cancelled — and removes the plan: the runs are missing, as
    /// before. (`MaxJobCount` rejects too, but sbatch retries that for two minutes.)
    @Test(.enabled(if: SlurmCluster.testsEnabled, SlurmCluster.skipReason))
    func aLaterArrayRejectedCancelsTheArraysAlreadyAccepted() throws {
        try SlurmCluster.require()
        let controller = try SlurmPrivateController([
            "MaxArraySize=8", "JobSubmitPlugins=throttle", "SchedulerParameters=jobs_per_user_per_hour=1",
        ])
        defer { controller.stop() }
        let project = try Self.project()
        defer { project.remove() }
        let submitted = try Self.hashlab("run", project, ["--executor", "slurm"], environment: controller.environment)
        #expect(submitted.status == 1)
        #expect(submitted.output == "slurm-small: 12 runs, 0 done, 12 to run\n", "\(submitted.output)")
        #expect(submitted.error == "hashlab: error: sbatch rejected the job array: "
                + "sbatch: error: Reached jobs per hour limit\n"
                + "sbatch: error: Batch job submission failed: Job violates accounting/QOS policy "
                + "(job submit limit, user's size and/or time limits)\n", "\(submitted.error)")

        let jobs = SlurmCluster.run("scontrol", ["show", "job", "--oneliner"], environment: controller.environment).text
            .split(separator: "\n").filter { $0.hasPrefix("JobId=") }
        #expect(jobs.count == 1, "\(jobs)")
        let job = jobs.first.map(String.init) ?? ""
        #expect(job.contains(" ArrayTaskId=0-7 ") && job.contains(" JobName=hashlab-slurm-small "), "\(job)")
        #expect(job.contains(" JobState=CANCELLED "), "\(job)")

        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path("results/slurm")) == [])
        let status = try Self.hashlab("status", project, environment: controller.environment)
        #expect(status.output == "slurm-small: 12 runs: 0 done, 0 running, 0 pending, 0 failed, 12 missing\n",
                "\(status.output)")
    }
}
