package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.aws.IdentityMapping;
import dev.airlock.aws.internal.policy.Generator;
import dev.airlock.aws.internal.policy.Setup;
import dev.airlock.environment.Landscape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every AWS document an Airlock setup needs, generated from the landscape and the aws settings, so that
 * what Airlock refuses is also impossible at the account boundary: SCPs per account, trust and permission
 * policies of the hub, deploy, inspector roles and of the principals that promote and write the ledger,
 * and the policies of the origin, environment and ledger buckets and of the repositories.
 *
 * <pre>{@code
 * AwsPolicies policies = AwsPolicies.generate(landscape, configuration, identities,
 *         PolicyOptions.defaults().withOrganizationId("o-a1b2c3d4e5"));
 * policies.writeTo(Path.of("policies"));   // one file per document, and README.md saying where each goes
 * }</pre>
 *
 * <p>The permissions are the calls the aws module makes, on the configured resources only; the denies name
 * each rule in their {@code Sid}, which AWS reports when it refuses a request.
 */
public final class AwsPolicies {
    private final List<GeneratedPolicy> documents;

    private AwsPolicies(List<GeneratedPolicy> documents) {
        this.documents = List.copyOf(documents);
    }

    /**
     * Generates every document.
     *
     * @throws PolicyTooLargeException when a document would be larger than AWS accepts, naming it
     * @throws InvalidValueException   when the identity mapping names no caller in the tooling account
     */
    public static AwsPolicies generate(Landscape landscape, AwsConfiguration configuration, IdentityMapping identities,
            PolicyOptions options) {
        InvalidValueException.requireNonNull("landscape", landscape);
        InvalidValueException.requireNonNull("configuration", configuration);
        InvalidValueException.requireNonNull("identities", identities);
        InvalidValueException.requireNonNull("options", options);
        return new AwsPolicies(Generator.generate(new Setup(landscape, configuration, identities,
                options.organizationId(), options.inspectorRole(), options.signingKeys())));
    }

    /** Every document, SCPs first, then roles, then resource policies. */
    public List<GeneratedPolicy> documents() {
        return documents;
    }

    /** The document written to {@code fileName}, if there is one. */
    public Optional<GeneratedPolicy> document(String fileName) {
        return documents.stream().filter(d -> d.fileName().equals(fileName)).findFirst();
    }

    /** The document of {@code purpose} in the account {@code owner} names, such as ("prod", "deploy-role-trust"). */
    public Optional<GeneratedPolicy> document(String owner, String purpose) {
        return documents.stream().filter(d -> d.owner().equals(owner) && d.purpose().equals(purpose)).findFirst();
    }

    /** The README written beside the documents: where each goes, how to apply it, and in which order. */
    public String index() {
        return PolicyIndex.render(documents);
    }

    /**
     * Writes each document to its file in {@code directory} (created if missing) and the index as
     * {@code README.md}, replacing files of the same names.
     *
     * @return the files written, the index last
     */
    public List<Path> writeTo(Path directory) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (GeneratedPolicy document : documents) {
                written.add(Files.writeString(directory.resolve(document.fileName()), document.document(),
                        StandardCharsets.UTF_8));
            }
            written.add(Files.writeString(directory.resolve("README.md"), index(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the policies to " + directory + ": " + e.getMessage(), e);
        }
        return written;
    }
}
