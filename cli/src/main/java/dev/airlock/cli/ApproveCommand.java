package dev.airlock.cli;

import dev.airlock.guardrail.Approval;
import dev.airlock.promotion.ApprovalResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlock approve}: approve a digest for an environment, as the acting principal. */
@Command(name = "approve", description = "Approve an artifact for an environment (bound to digest, environment and policy version).",
        footerHeading = "%nExample:%n", footer = {"  airlock approve --artifact payments-api:1.4.2 --env prod-eu"})
final class ApproveCommand extends EngineCommand {
    @Mixin
    NoClaimedTime noClaimedTime;

    @ArgGroup(exclusive = false, multiplicity = "1")
    ArtifactSelector artifact;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment approved for.")
    String environment;

    @Override
    int run(Airlock airlock, PrintWriter out) {
        ApprovalResult result = airlock.engine.approve(artifact.resolve(airlock.engine), environment,
                airlock.principal(options.principal));
        Approval approval = result.approval();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("approver", approval.approver().id());
        json.put("digest", approval.digest().value());
        json.put("environment", approval.environment());
        json.put("policyVersion", approval.policyVersion());
        json.put("approvedAt", approval.approvedAt().toString());
        json.put("counts", result.counts());
        json.put("reason", result.reason());
        report(out, json, approval.approver().id() + " approved " + approval.digest().shortForm() + " for "
                + approval.environment() + " (policy version " + approval.policyVersion() + ")"
                + System.lineSeparator() + (result.counts() ? "" : "RECORDED, DOES NOT COUNT: ") + result.reason());
        // Recorded but not counted: the promotion still waits for an approval that counts.
        return result.counts() ? ExitCodes.OK : ExitCodes.PENDING;
    }
}
