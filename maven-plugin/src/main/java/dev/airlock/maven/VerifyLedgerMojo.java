package dev.airlock.maven;

import dev.airlock.ledger.ChainReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Walks the ledger's hash chain and checkpoints; a broken link fails the build, naming it. */
@Mojo(name = "verify-ledger", threadSafe = true)
public class VerifyLedgerMojo extends AirlockMojo {
    @Override
    void run(AirlockSession session) throws MojoFailureException {
        ChainReport report = session.engine.verifyLedger();
        if (!report.ok()) {
            throw new MojoFailureException("airlock: the ledger is broken: " + report.summary());
        }
        getLog().info("airlock: ledger intact: " + report.summary() + "; head " + session.engine.head());
    }
}
