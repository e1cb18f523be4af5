import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

@main
struct Tracker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracker",
        abstract: "Train multi-layer perceptrons on MNIST-format data and track every run in SQLite.",
        version: TrackerVersion.current,
        subcommands: [
            RunCommand.self, ResumeCommand.self, ReproduceCommand.self, CompareCommand.self, RunsCommand.self,
            ShowCommand.self, DiffCommand.self, ExperimentsCommand.self, QueryCommand.self,
            ExportCommand.self, PlotCommand.self, ReportCommand.self, TagCommand.self, NoteCommand.self,
            RenameExperimentCommand.self, DeleteCommand.self, DataCommand.self,
            DBCommand.self, MergeCommand.self, SlurmCommand.self, UICommand.self, WorkerCommand.self,
        ]
    )
}
