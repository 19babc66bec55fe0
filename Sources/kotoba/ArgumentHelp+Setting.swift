import ArgumentParser
import Pipeline

extension ArgumentHelp {
    /// The help of the option that sets `property`: its setting's, from the one table of the
    /// configuration's keys (`PipelineConfiguration.settings`), so that `--help`, `kotoba.yml`
    /// and the README's option table say the same.
    static func setting(_ property: PartialKeyPath<PipelineConfiguration>, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(PipelineConfiguration.setting(property).help, valueName: valueName)
    }
}
