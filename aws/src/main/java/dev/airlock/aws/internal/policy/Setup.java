package dev.airlock.aws.internal.policy;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.aws.EcrStrategy;
import dev.airlock.aws.EnvironmentConfiguration;
import dev.airlock.aws.IdentityMapping;
import dev.airlock.aws.SessionNames;
import dev.airlock.aws.SessionPolicy;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What every generated document is written from: the landscape, the aws settings, and the callers the
 * identity mapping names, resolved once into ARNs and patterns.
 *
 * @param organizationId the organization every trusted principal must belong to, or null to leave
 *                       {@code aws:PrincipalOrgID} out
 * @param inspectorRole  the name of the read-only role {@code airlock doctor} assumes in every account
 * @param signingKeys    owner to the ARN of the KMS key they sign attestations with
 */
public record Setup(Landscape landscape, AwsConfiguration aws, IdentityMapping identities,
        @Nullable String organizationId, String inspectorRole, Map<String, String> signingKeys) {
    private static final Pattern SESSION_PATTERN = Pattern.compile("arn:([^:]+):sts::(\\d{12}):assumed-role/([^/]+)/.*");
    private static final Pattern IAM_PATTERN = Pattern.compile("arn:([^:]+):iam::(\\d{12}):(user|role)/.+");

    /** The tooling callers the identity mapping maps to {@code owner}: (role ARN pattern, session name or null). */
    public List<Map.Entry<String, String>> callersOf(String owner) {
        List<Map.Entry<String, String>> callers = new ArrayList<>();
        for (IdentityMapping.Rule rule : identities.rules()) {
            Matcher session = SESSION_PATTERN.matcher(rule.arnPattern());
            boolean named = rule.principal().equals(owner);
            boolean bySession = IdentityMapping.SESSION.equals(rule.principal());
            if (named && IAM_PATTERN.matcher(rule.arnPattern()).matches()) {
                callers.add(new java.util.AbstractMap.SimpleEntry<>(rule.arnPattern(), null));
            } else if (session.matches() && (named || bySession)) {
                String role = "arn:" + session.group(1) + ":iam::" + session.group(2) + ":role/" + session.group(3);
                // A principal taken from the session name: only sessions named by the owner may sign.
                callers.add(new java.util.AbstractMap.SimpleEntry<>(role, bySession ? owner : null));
            }
        }
        return callers;
    }

    public String partition() {
        return landscape.environments().isEmpty() ? "aws" : landscape.environments().get(0).deployRole().partition();
    }

    public AccountId tooling() {
        return landscape.accounts().tooling();
    }

    public AccountId security() {
        return landscape.accounts().security();
    }

    /** The regions of an environment's account: its own, its bucket's, and the tooling region its roles read from. */
    public Set<String> regions(Environment environment) {
        Set<String> regions = new LinkedHashSet<>();
        environment.regions().forEach(r -> regions.add(r.value()));
        regions.add(region(environment).value());
        regions.add(aws.region().value());
        return regions;
    }

    /** Where an environment's bucket and repository are. */
    public Region region(Environment environment) {
        EnvironmentConfiguration settings = aws.environment(environment.name());
        return settings.region() != null ? settings.region() : environment.regions().get(0);
    }

    public @Nullable String bucket(Environment environment) {
        return aws.s3().originBucket() == null ? null : aws.environment(environment.name()).bucket();
    }

    /** The environment's own repository, if images are copied into it. */
    public @Nullable String repository(Environment environment) {
        if (aws.ecr().originRepository() == null || aws.ecr().strategy() != EcrStrategy.COPY_TO_ENVIRONMENT) {
            return null;
        }
        String own = aws.environment(environment.name()).repository();
        return own != null ? own : aws.ecr().originRepository();
    }

    public String bucketArn(String bucket) {
        return "arn:" + partition() + ":s3:::" + bucket;
    }

    /** Every artifact object of a bucket. */
    public String artifactsArn(String bucket) {
        return bucketArn(bucket) + "/" + aws.s3().artifactPrefix() + "/sha256/*";
    }

    public String repositoryArn(Region region, AccountId account, String repository) {
        return "arn:" + partition() + ":ecr:" + region.value() + ":" + account.value() + ":repository/" + repository;
    }

    public String roleArn(AccountId account, String name) {
        return "arn:" + partition() + ":iam::" + account.value() + ":role/" + name;
    }

    public String root(AccountId account) {
        return "arn:" + partition() + ":iam::" + account.value() + ":root";
    }

    /** The resources one environment's promotions touch, as the session policy names them. */
    public SessionPolicy.Targets targets(Environment environment) {
        EnvironmentConfiguration settings = aws.environment(environment.name());
        return new SessionPolicy.Targets(environment, tooling(), aws.region(), region(environment),
                aws.s3().originBucket(), settings.bucket(), aws.s3().artifactPrefix(), aws.ecr().originRepository(),
                settings.repository(), aws.ecr().strategy(), settings.objectLock() != null);
    }

    /**
     * The IAM ARN patterns ({@code aws:PrincipalArn}, for ArnLike) of the tooling callers the identity mapping
     * names: an assumed-role pattern stands for its role, with or without a path.
     *
     * @throws InvalidValueException when the mapping names no caller in the tooling account
     */
    public List<String> promoters() {
        Set<String> arns = new LinkedHashSet<>();
        for (IdentityMapping.Rule rule : identities.rules()) {
            Matcher session = SESSION_PATTERN.matcher(rule.arnPattern());
            Matcher iam = IAM_PATTERN.matcher(rule.arnPattern());
            if (session.matches() && session.group(2).equals(tooling().value())) {
                String base = "arn:" + session.group(1) + ":iam::" + session.group(2) + ":role/";
                arns.add(base + session.group(3));
                arns.add(base + "*/" + session.group(3));
            } else if (iam.matches() && iam.group(2).equals(tooling().value())) {
                arns.add(rule.arnPattern());
            }
        }
        if (arns.isEmpty()) {
            throw new InvalidValueException("backend.aws.identities", identities.rules().size() + " patterns",
                    "must map at least one caller of the tooling account " + tooling().value()
                            + " (an assumed-role or IAM user/role ARN pattern): the generated trust policies trust only them");
        }
        return new ArrayList<>(arns);
    }

    /**
     * The SourceIdentity values Airlock sends, as StringLike patterns: each mapped principal as sessions name
     * it, {@code *} for principals taken from the session name, and the inspector principal.
     */
    public List<String> sourceIdentities() {
        Set<String> patterns = new LinkedHashSet<>();
        for (IdentityMapping.Rule rule : identities.rules()) {
            patterns.add(IdentityMapping.SESSION.equals(rule.principal())
                    ? "*"
                    : SessionNames.sanitize("principal", rule.principal()));
        }
        patterns.add(aws.roleChain().inspectorPrincipal());
        return patterns.contains("*") ? List.of("*") : new ArrayList<>(patterns);
    }

    /** The role that assumes deploy roles: the hub if there is one, otherwise the promoters themselves. */
    public List<String> deployCallers() {
        return aws.roleChain().hubRole() != null ? List.of(aws.roleChain().hubRole().toString()) : promoters();
    }
}
