package dev.airlock.testkit.aws.internal.sts;

import dev.airlock.environment.RoleArn;
import dev.airlock.testkit.aws.AwsService;
import dev.airlock.testkit.aws.IamRole;
import dev.airlock.testkit.aws.TrustPolicy;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.Iam;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.PolicyException;
import dev.airlock.testkit.aws.internal.Principals;
import dev.airlock.testkit.aws.internal.RequestScope;
import dev.airlock.testkit.aws.internal.ServiceErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsServiceClientConfiguration;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * STS with the rules Airlock's role chains meet in AWS: trust checked across accounts, ExternalId,
 * SourceIdentity that persists and cannot change, session tags that need {@code sts:TagSession},
 * chained sessions capped at one hour, session policies, and credentials that expire on the world's clock.
 */
public final class FakeStsClient implements StsClient {
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final int DEFAULT_DURATION = 3600;
    private static final int CHAINED_LIMIT = 3600;
    private static final Set<String> ASSUME_ROLE_FIELDS = Set.of("RoleArn", "RoleSessionName", "DurationSeconds",
            "ExternalId", "SourceIdentity", "Tags", "TransitiveTagKeys", "Policy");

    private final Calls calls;
    private final Calls.Client client;

    public FakeStsClient(Calls calls, Calls.Client client) {
        this.calls = calls;
        this.client = client;
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        return calls.run(client, "AssumeRole", request, ASSUME_ROLE_FIELDS, caller -> assumeRole(caller, request));
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        return calls.run(client, "GetCallerIdentity", request, Set.of(), caller -> GetCallerIdentityResponse.builder()
                .account(caller.account())
                .arn(caller.arn())
                .userId(caller.userId())
                .build());
    }

    private AssumeRoleResponse assumeRole(Caller caller, AssumeRoleRequest request) {
        Iam iam = calls.iam();
        String roleArn = required(request.roleArn(), "roleArn");
        String sessionName = required(request.roleSessionName(), "roleSessionName");
        checkPattern("roleSessionName", sessionName, SESSION_NAME, 2, 64);
        int duration = request.durationSeconds() == null ? DEFAULT_DURATION : request.durationSeconds();
        if (duration < 900) {
            throw validation("durationSeconds", String.valueOf(duration), "Member must have value greater than or equal to 900");
        }
        if (duration > 43200) {
            throw validation("durationSeconds", String.valueOf(duration), "Member must have value less than or equal to 43200");
        }
        if (request.externalId() != null) {
            checkPattern("externalId", request.externalId(), EXTERNAL_ID, 2, 1224);
        }
        if (request.sourceIdentity() != null) {
            checkPattern("sourceIdentity", request.sourceIdentity(), SESSION_NAME, 2, 64);
            if (request.sourceIdentity().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw error(400, "ValidationError", "Source identity cannot begin with the reserved prefix 'aws:'");
            }
        }
        Policy sessionPolicy = sessionPolicy(request.policy());
        Map<String, String> requestTags = tags(request.tags());
        // The request's keys, for the caller's own policies as much as for the role's trust policy.
        requestTags.forEach((key, value) -> RequestScope.put("aws:RequestTag/" + key, value));
        RequestScope.put("sts:ExternalId", request.externalId());
        RequestScope.put("sts:SourceIdentity", request.sourceIdentity());
        Set<String> transitive = transitiveKeys(request.transitiveTagKeys(), requestTags);

        if (caller.isRoot()) {
            throw error(403, "AccessDenied", "Roles may not be assumed by root accounts.");
        }
        Optional<IamRole> found = iam.role(roleArn);
        if (found.isEmpty()) {
            throw denied(caller, "sts:AssumeRole", roleArn);
        }
        IamRole role = found.get();
        TrustPolicy trust = role.trust();
        boolean documented = role.trustDocument() != null;
        String scp = iam.scpDenial(caller, "sts:AssumeRole", roleArn);
        if (scp != null) {
            throw denied(caller, "sts:AssumeRole", roleArn, "with an explicit deny in a service control policy ("
                    + scp + ")");
        }
        if (!documented && trust.principals().stream().noneMatch(p -> Principals.matches(p, caller))) {
            throw denied(caller, "sts:AssumeRole", roleArn);
        }
        if (!documented && trust.externalId() != null && !trust.externalId().equals(request.externalId())) {
            throw denied(caller, "sts:AssumeRole", roleArn);
        }
        requireIdentityAllows(caller, "sts:AssumeRole", role);

        Caller.Session previous = caller.session();
        String sourceIdentity = previous == null ? null : previous.sourceIdentity();
        if (request.sourceIdentity() != null) {
            if (sourceIdentity != null && !sourceIdentity.equals(request.sourceIdentity())) {
                throw error(403, "AccessDenied", "User: " + caller.arn()
                        + " is not authorized to perform: sts:SetSourceIdentity on resource: " + roleArn
                        + " because the source identity '" + sourceIdentity + "' is already set and cannot be changed");
            }
            sourceIdentity = request.sourceIdentity();
        }
        if (sourceIdentity != null) {
            // Setting a source identity, or carrying one into the next role of a chain, needs the trust to allow it.
            if (!documented && !trust.allowsSourceIdentity()) {
                throw denied(caller, "sts:SetSourceIdentity", roleArn);
            }
            requireIdentityAllows(caller, "sts:SetSourceIdentity", role);
        }

        Map<String, String> sessionTags = new LinkedHashMap<>();
        Set<String> sessionTransitive = new HashSet<>();
        if (previous != null) {
            for (Map.Entry<String, String> tag : previous.tags().entrySet()) {
                String key = tag.getKey().toLowerCase(Locale.ROOT);
                if (previous.transitiveTagKeys().contains(key)) {
                    sessionTags.put(tag.getKey(), tag.getValue());
                    sessionTransitive.add(key);
                }
            }
        }
        for (Map.Entry<String, String> tag : requestTags.entrySet()) {
            if (sessionTransitive.contains(tag.getKey().toLowerCase(Locale.ROOT))) {
                throw error(400, "InvalidParameterValue", "The tag key '" + tag.getKey()
                        + "' conflicts with a transitive tag key inherited from the calling session");
            }
            sessionTags.put(tag.getKey(), tag.getValue());
        }
        sessionTransitive.addAll(transitive);
        if (!sessionTags.isEmpty()) {
            if (!documented && !trust.allowsSessionTags()) {
                throw denied(caller, "sts:TagSession", roleArn);
            }
            requireIdentityAllows(caller, "sts:TagSession", role);
        }

        if (documented) {
            TrustDocument.check(iam, caller, role, request.externalId(), sourceIdentity, sessionTags);
        }

        boolean chained = previous != null;
        if (chained && duration > CHAINED_LIMIT) {
            throw error(400, "ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (Duration.ofSeconds(duration).compareTo(role.maxSessionDuration()) > 0) {
            throw error(400, "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        Instant expiration = calls.clock().instant().plusSeconds(duration);
        RoleArn arn = role.arn();
        Caller session = new Caller(arn.account().value(),
                Principals.sessionArn(arn.partition(), arn.account().value(), arn.name(), sessionName),
                iam.roleId(roleArn) + ":" + sessionName,
                new Caller.Session(roleArn, sessionName, sourceIdentity, sessionTags, sessionTransitive, sessionPolicy,
                        expiration));
        AwsSessionCredentials credentials = iam.issueSession(session);
        return AssumeRoleResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId(credentials.accessKeyId())
                        .secretAccessKey(credentials.secretAccessKey())
                        .sessionToken(credentials.sessionToken())
                        .expiration(expiration)
                        .build())
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn(session.arn())
                        .assumedRoleId(session.userId())
                        .build())
                .sourceIdentity(sourceIdentity)
                .build();
    }

    /**
     * The caller's own permissions must allow {@code action} on the role, except within one account when
     * the trust policy names the caller itself (a resource policy naming a principal suffices there).
     */
    private void requireIdentityAllows(Caller caller, String action, IamRole role) {
        String roleArn = role.arn().toString();
        Policy.Decision identity = calls.iam().identityDecision(caller, action, roleArn);
        boolean namedDirectly = role.trust().principals().stream()
                .anyMatch(p -> !p.equals("*") && !Principals.isRoot(p) && Principals.matches(p, caller));
        boolean sameAccount = caller.account().equals(role.account());
        if (identity == Policy.Decision.DENY
                || identity == Policy.Decision.NONE && !(sameAccount && namedDirectly)) {
            throw denied(caller, action, roleArn);
        }
    }

    private static @Nullable Policy sessionPolicy(@Nullable String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            throw validation("policy", text, "Member must have length greater than or equal to 1");
        }
        if (text.length() > 2048) {
            throw validation("policy", "<" + text.length() + " characters>", "Member must have length less than or equal to 2048");
        }
        try {
            return Policy.parse(text, Policy.Kind.IDENTITY);
        } catch (PolicyException e) {
            throw error(400, "MalformedPolicyDocument", e.getMessage());
        }
    }

    private static Map<String, String> tags(List<Tag> tags) {
        if (tags.size() > 50) {
            throw validation("tags", "<" + tags.size() + " tags>", "Member must have length less than or equal to 50");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        Set<String> lowerKeys = new HashSet<>();
        for (Tag tag : tags) {
            String key = required(tag.key(), "tags.member.key");
            String value = required(tag.value(), "tags.member.value");
            checkPattern("tags.member.key", key, TAG_KEY, 1, 128);
            checkPattern("tags.member.value", value, TAG_VALUE, 0, 256);
            if (!lowerKeys.add(key.toLowerCase(Locale.ROOT))) {
                throw error(400, "InvalidParameterValue",
                        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            byKey.put(key, value);
        }
        return byKey;
    }

    private static Set<String> transitiveKeys(List<String> keys, Map<String, String> tags) {
        Set<String> tagKeys = new HashSet<>();
        tags.keySet().forEach(k -> tagKeys.add(k.toLowerCase(Locale.ROOT)));
        Set<String> transitive = new HashSet<>();
        for (String key : keys) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!tagKeys.contains(lower)) {
                throw error(400, "InvalidParameterValue",
                        "The transitive tag key '" + key + "' is not one of the session tags of the request.");
            }
            transitive.add(lower);
        }
        return transitive;
    }

    private static String required(@Nullable String value, String member) {
        if (value == null) {
            throw validation(member, "null", "Member must not be null");
        }
        return value;
    }

    private static void checkPattern(String member, String value, Pattern pattern, int min, int max) {
        if (value.length() < min) {
            throw validation(member, value, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw validation(member, value, "Member must have length less than or equal to " + max);
        }
        if (!pattern.matcher(value).matches()) {
            throw validation(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    private static AwsServiceException validation(String member, String value, String constraint) {
        return error(400, "ValidationError", "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    private static AwsServiceException denied(Caller caller, String action, String resource) {
        return error(403, "AccessDenied",
                "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource);
    }

    static AwsServiceException denied(Caller caller, String action, String resource, String reason) {
        return error(403, "AccessDenied", "User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource + " " + reason);
    }

    private static AwsServiceException error(int status, String code, String message) {
        return ServiceErrors.of(AwsService.STS, status, code, message);
    }

    @Override
    public StsServiceClientConfiguration serviceClientConfiguration() {
        return StsServiceClientConfiguration.builder()
                .region(client.region())
                .credentialsProvider(client.credentials())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FakeStsClient[" + client.region() + "]";
    }
}
