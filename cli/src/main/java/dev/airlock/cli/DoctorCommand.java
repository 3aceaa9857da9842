package dev.airlock.cli;

import dev.airlock.config.AirlockConfiguration;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.SetupFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code airlock doctor}: read-only checks of the live AWS accounts against the documents
 * {@code airlock aws policies} writes. Exit code 0 when nothing differs, 6 when something does.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check, reading only, that the AWS accounts are set up as 'airlock aws policies' says.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the accounts match the generated documents", "1:internal error",
                "2:bad input or usage (not an aws backend, no credentials)", "6:findings: something differs (each says the fix)"},
        footerHeading = "%nExample:%n", footer = {"  airlock doctor --config airlock-aws.yaml -o json"})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:AIRLOCK_CONFIG:-airlock.yaml}",
            description = "Configuration file (default: $AIRLOCK_CONFIG or ./airlock.yaml); its backend must be aws.")
    Path config;

    @Mixin
    AwsSetupOptions setup;

    @Option(names = "--organizations-role", paramLabel = "ARN", defaultValue = "${env:AIRLOCK_ORGANIZATIONS_ROLE}",
            description = {"Role the SCPs are read through: one of the management account, or of a delegated "
                    + "administrator, allowed organizations:ListPoliciesForTarget, ListParents and DescribePolicy "
                    + "(default: $AIRLOCK_ORGANIZATIONS_ROLE, else the tooling account's inspector role)."})
    String organizationsRole;

    @Mixin
    OutputOption output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AirlockConfiguration configuration = AirlockConfiguration.load(config);
        AwsSetupOptions.requireAws(configuration);
        BackendContext context = new BackendContext(configuration.landscape(), Clock.systemUTC(),
                config.toAbsolutePath().getParent(), null);
        Map<String, String> options = setup.options(configuration);
        if (organizationsRole != null && !organizationsRole.isBlank()) {
            options.put("organizationsRole", organizationsRole);
        }
        List<SetupFinding> findings = configuration.backend().checkSetup(context, options);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", findings.isEmpty());
            answer.put("findings", findings.stream().map(f -> {
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("account", f.account());
                finding.put("resource", f.resource());
                finding.put("problem", f.problem());
                finding.put("fix", f.fix());
                return finding;
            }).toList());
            out.println(Json.write(answer));
        } else if (findings.isEmpty()) {
            out.println("No findings: the accounts match the documents 'airlock aws policies' writes.");
        } else {
            out.println(findings.size() + " finding(s):");
            for (SetupFinding finding : findings) {
                out.println();
                out.println("  " + finding.account() + "  " + finding.resource());
                out.println("    problem: " + finding.problem());
                out.println("    fix:     " + finding.fix());
            }
        }
        return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
