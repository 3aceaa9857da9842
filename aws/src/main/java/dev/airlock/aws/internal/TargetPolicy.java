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

    /** The compact JSON policy, or null when no store is configured for the environment. */
    public static @Nullable String render(SessionPolicy.Targets t) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        String s3 = "arn:" + t.partition() + ":s3:::";
        String objects = "/" + t.artifactPrefix() + "/sha256/*";
        if (t.originBucket() != null && t.bucket() != null) {
            // HeadObject answers 404 rather than 403 for a missing key only with s3:ListBucket.
            statement(statements, "ReadOrigin", List.of("s3:GetObject"), s3 + t.originBucket() + objects);
            statement(statements, "ListOrigin", List.of("s3:ListBucket"), s3 + t.originBucket());
            List<String> write = t.objectLock()
                    ? List.of("s3:GetObject", "s3:PutObject", "s3:PutObjectRetention")
                    : List.of("s3:GetObject", "s3:PutObject");
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
                String target = "arn:" + t.partition() + ":ecr:" + t.region() + ":" + t.environment().account()
                        + ":repository/" + (t.repository() != null ? t.repository() : t.originRepository());
                statement(statements, "WriteImages", List.of("ecr:BatchCheckLayerAvailability",
                        "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
                        "ecr:BatchGetImage", "ecr:DescribeImages", "ecr:DescribeRepositories"), target);
            }
        }
        return statements.isEmpty() ? null : policy.toString();
    }

    private static void statement(ArrayNode statements, String sid, List<String> actions, String resource) {
        ObjectNode statement = statements.addObject().put("Sid", sid).put("Effect", "Allow");
        ArrayNode action = statement.putArray("Action");
        actions.forEach(action::add);
        statement.put("Resource", resource);
    }
}
