package dev.airlock.aws.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.aws.EcrStrategy;
import dev.airlock.aws.SessionPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Renders the session policy that allows exactly what the stores do on exactly the configured resources. */
public final class TargetPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetPolicy() {
    }

    /** The compact JSON policy for every digest under the prefix, or null when no store is configured. */
    public static @Nullable String render(SessionPolicy.Targets t) {
        return render(t, "/" + t.artifactPrefix() + "/sha256/*");
    }

    /**
     * The compact JSON policy for exactly {@code t.digest()}'s object key, or, for a session opened for
     * no digest, every digest under the prefix; null when no store is configured.
     */
    public static @Nullable String renderNarrowed(SessionPolicy.Targets t) {
        return t.digest() == null ? render(t) : render(t, "/" + t.artifactPrefix() + "/sha256/" + t.digest().hex());
    }

    /** The compact JSON policy allowing only the reads the stores make to inspect an environment's settings. */
    public static @Nullable String renderInspection(SessionPolicy.Targets t) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        if (t.originBucket() != null && t.bucket() != null) {
            statement(statements, "InspectTarget", List.of("s3:GetBucketObjectLockConfiguration"),
                    "arn:" + t.partition() + ":s3:::" + t.bucket());
        }
        if (t.originRepository() != null && t.ecrStrategy() == EcrStrategy.COPY_TO_ENVIRONMENT) {
            statement(statements, "InspectImages", List.of("ecr:DescribeRepositories"), targetRepository(t));
        }
        return statements.isEmpty() ? null : policy.toString();
    }

    private static @Nullable String render(SessionPolicy.Targets t, String objects) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        String s3 = "arn:" + t.partition() + ":s3:::";
        if (t.originBucket() != null && t.bucket() != null) {
            // DeleteObject removes a copy that does not verify; HeadObject answers 404 rather than 403 for a
            // missing key only with s3:ListBucket.
            statement(statements, "ReadOrigin", List.of("s3:GetObject"), s3 + t.originBucket() + objects);
            statement(statements, "ListOrigin", List.of("s3:ListBucket"), s3 + t.originBucket());
            List<String> write = t.objectLock()
                    ? List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:PutObjectRetention")
                    : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
            statement(statements, "WriteTarget", write, s3 + t.bucket() + objects);
            statement(statements, "InspectTarget", List.of("s3:ListBucket", "s3:GetBucketObjectLockConfiguration"),
                    s3 + t.bucket());
        }
        if (t.originRepository() != null) {
            String origin = "arn:" + t.partition() + ":ecr:" + t.toolingRegion() + ":" + t.tooling() + ":repository/"
                    + t.originRepository();
            statement(statements, "ReadImages", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                    "ecr:DescribeImages", "ecr:DescribeRepositories"), origin);
            if (t.ecrStrategy() == EcrStrategy.COPY_TO_ENVIRONMENT) {
                String target = targetRepository(t);
                statement(statements, "WriteImages", List.of("ecr:BatchCheckLayerAvailability",
                        "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
                        "ecr:BatchGetImage", "ecr:DescribeImages", "ecr:DescribeRepositories"), target);
            }
        }
        return statements.isEmpty() ? null : policy.toString();
    }

    private static String targetRepository(SessionPolicy.Targets t) {
        return "arn:" + t.partition() + ":ecr:" + t.region() + ":" + t.environment().account() + ":repository/"
                + (t.repository() != null ? t.repository() : t.originRepository());
    }

    private static void statement(ArrayNode statements, String sid, List<String> actions, String resource) {
        ObjectNode statement = statements.addObject().put("Sid", sid).put("Effect", "Allow");
        ArrayNode action = statement.putArray("Action");
        actions.forEach(action::add);
        statement.put("Resource", resource);
    }
}
