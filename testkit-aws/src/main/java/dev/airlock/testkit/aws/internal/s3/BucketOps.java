package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Policy;
import dev.airlock.testkit.aws.internal.PolicyException;
import dev.airlock.testkit.aws.internal.RequestFields;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.internal.BucketUtils;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRule;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationResponse;

/** Bucket-level operations: creation with S3's region rules, versioning, policies, Object Lock configuration. */
final class BucketOps {
    private static final String FAKE = "FakeS3Client";

    private final S3Store store;

    BucketOps(S3Store store) {
        this.store = store;
    }

    /**
     * The SDK client refuses a bucket name that is not DNS-compatible before sending anything, with an
     * {@link IllegalArgumentException} saying which rule it breaks.
     */
    static void validateName(@Nullable String name) {
        BucketUtils.isValidDnsBucketName(name, true);
    }

    CreateBucketResponse create(Caller caller, Region region, CreateBucketRequest request) {
        String name = S3Store.required(request.bucket(), "Bucket");
        // What the SDK client does before sending (its CreateBucketInterceptor): add the client's region as
        // LocationConstraint when none is given. The name was checked before the call, see validateName.
        String constraint = null;
        if (request.createBucketConfiguration() != null) {
            RequestFields.check(FAKE, "CreateBucket", request.createBucketConfiguration(), Set.of("LocationConstraint"));
            constraint = request.createBucketConfiguration().locationConstraintAsString();
        }
        if (constraint == null && !region.equals(Region.US_EAST_1)) {
            constraint = region.id();
        }
        // What S3 (and moto) then check: us-east-1 refuses an explicit us-east-1 constraint but may create
        // buckets elsewhere; every other regional endpoint needs its own region as the constraint.
        if (region.equals(Region.US_EAST_1)) {
            if ("us-east-1".equals(constraint)) {
                throw S3Errors.of(400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
            }
        } else if (!constraint.equals(region.id())) {
            throw S3Errors.of(400, "IllegalLocationConstraintException", "The " + constraint
                    + " location constraint is incompatible for the region specific endpoint this request was sent to.");
        }
        Region bucketRegion = constraint == null ? Region.US_EAST_1 : Region.of(constraint);
        String arn = "arn:aws:s3:::" + name;
        synchronized (store) {
            if (store.iam().identityDecision(caller, "s3:CreateBucket", arn) != Policy.Decision.ALLOW) {
                throw S3Errors.of(403, "AccessDenied", "User: " + caller.arn()
                        + " is not authorized to perform: s3:CreateBucket on resource: \"" + arn + "\"");
            }
            Bucket existing = store.buckets.get(name);
            if (existing != null) {
                if (!existing.owner.equals(caller.account())) {
                    throw S3Errors.of(409, "BucketAlreadyExists", "The requested bucket name is not available. The "
                            + "bucket namespace is shared by all users of the system. Please select a different name "
                            + "and try again");
                }
                if (existing.region.equals(Region.US_EAST_1) && region.equals(Region.US_EAST_1)) {
                    return CreateBucketResponse.builder().location("/" + name).build();
                }
                throw S3Errors.of(409, "BucketAlreadyOwnedByYou",
                        "Your previous request to create the named bucket succeeded and you already own it.");
            }
            boolean objectLock = Boolean.TRUE.equals(request.objectLockEnabledForBucket());
            store.buckets.put(name, new Bucket(name, caller.account(), bucketRegion, store.now(), objectLock));
        }
        return CreateBucketResponse.builder().location("/" + name).build();
    }

    DeleteBucketResponse delete(Caller caller, Region region, DeleteBucketRequest request) {
        synchronized (store) {
            Bucket bucket = ownerOnly(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:DeleteBucket");
            if (!bucket.objects.isEmpty() || !bucket.uploads.isEmpty()) {
                throw S3Errors.of(409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
            }
            store.buckets.remove(bucket.name);
        }
        return DeleteBucketResponse.builder().build();
    }

    HeadBucketResponse head(Caller caller, Region region, HeadBucketRequest request) {
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:ListBucket",
                    null);
            return HeadBucketResponse.builder().bucketRegion(bucket.region.id()).build();
        }
    }

    ListBucketsResponse list(Caller caller) {
        synchronized (store) {
            List<software.amazon.awssdk.services.s3.model.Bucket> mine = store.buckets.values().stream()
                    .filter(b -> b.owner.equals(caller.account()))
                    .sorted((a, b) -> a.name.compareTo(b.name))
                    .map(b -> software.amazon.awssdk.services.s3.model.Bucket.builder()
                            .name(b.name)
                            .creationDate(b.created)
                            .bucketRegion(b.region.id())
                            .build())
                    .toList();
            return ListBucketsResponse.builder().buckets(mine).build();
        }
    }

    GetBucketLocationResponse location(Caller caller, Region region, GetBucketLocationRequest request) {
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:GetBucketLocation", null);
            return GetBucketLocationResponse.builder()
                    .locationConstraint(bucket.region.equals(Region.US_EAST_1) ? null : bucket.region.id())
                    .build();
        }
    }

    PutBucketVersioningResponse putVersioning(Caller caller, Region region, PutBucketVersioningRequest request) {
        if (request.versioningConfiguration() == null || request.versioningConfiguration().status() == null) {
            throw S3Errors.of(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema");
        }
        RequestFields.check(FAKE, "PutBucketVersioning", request.versioningConfiguration(), Set.of("Status"));
        BucketVersioningStatus status = request.versioningConfiguration().status();
        if (status != BucketVersioningStatus.ENABLED && status != BucketVersioningStatus.SUSPENDED) {
            throw S3Errors.of(400, "IllegalVersioningConfigurationException",
                    "The Versioning element must be specified");
        }
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:PutBucketVersioning", null);
            if (bucket.objectLock && status != BucketVersioningStatus.ENABLED) {
                throw S3Errors.of(409, "InvalidBucketState", "An Object Lock configuration is present on this "
                        + "bucket, so the versioning state cannot be changed.");
            }
            bucket.versioning = status;
        }
        return PutBucketVersioningResponse.builder().build();
    }

    GetBucketVersioningResponse getVersioning(Caller caller, Region region, GetBucketVersioningRequest request) {
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:GetBucketVersioning", null);
            return GetBucketVersioningResponse.builder().status(bucket.versioning).build();
        }
    }

    PutBucketPolicyResponse putPolicy(Caller caller, Region region, PutBucketPolicyRequest request) {
        String text = S3Store.required(request.policy(), "Policy");
        synchronized (store) {
            Bucket bucket = ownerOnly(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:PutBucketPolicy");
            Policy policy;
            try {
                policy = Policy.parse(text, Policy.Kind.RESOURCE);
            } catch (PolicyException e) {
                throw S3Errors.of(400, "MalformedPolicy", e.getMessage());
            }
            for (String principal : policy.principals()) {
                if (!store.iam().principalExists(principal)) {
                    throw S3Errors.of(400, "MalformedPolicy", "Invalid principal in policy");
                }
            }
            requireResourcesWithin(policy, bucket);
            bucket.policy = policy;
        }
        return PutBucketPolicyResponse.builder().build();
    }

    /** S3 requires every statement of a bucket policy to name resources, all within the bucket. */
    private static void requireResourcesWithin(Policy policy, Bucket bucket) {
        for (List<String> resources : policy.resourcesByStatement()) {
            if (resources.isEmpty()) {
                throw S3Errors.of(400, "MalformedPolicy", "Missing required field Resource");
            }
            for (String resource : resources) {
                if (!resource.equals(bucket.arn()) && !resource.startsWith(bucket.arn() + "/")) {
                    throw S3Errors.of(400, "MalformedPolicy", "Policy has invalid resource");
                }
            }
        }
    }

    GetBucketPolicyResponse getPolicy(Caller caller, Region region, GetBucketPolicyRequest request) {
        synchronized (store) {
            Bucket bucket = ownerOnly(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:GetBucketPolicy");
            if (bucket.policy == null) {
                throw S3Errors.of(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
            }
            return GetBucketPolicyResponse.builder().policy(bucket.policy.text()).build();
        }
    }

    DeleteBucketPolicyResponse deletePolicy(Caller caller, Region region, DeleteBucketPolicyRequest request) {
        synchronized (store) {
            Bucket bucket = ownerOnly(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:DeleteBucketPolicy");
            bucket.policy = null;
        }
        return DeleteBucketPolicyResponse.builder().build();
    }

    PutObjectLockConfigurationResponse putObjectLock(Caller caller, Region region,
            PutObjectLockConfigurationRequest request) {
        ObjectLockConfiguration configuration = request.objectLockConfiguration();
        if (configuration == null || configuration.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            throw S3Errors.of(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema");
        }
        RequestFields.check(FAKE, "PutObjectLockConfiguration", configuration, Set.of("ObjectLockEnabled", "Rule"));
        Bucket.DefaultRetention defaults = null;
        ObjectLockRule rule = configuration.rule();
        if (rule != null && rule.defaultRetention() != null) {
            DefaultRetention retention = rule.defaultRetention();
            RequestFields.check(FAKE, "PutObjectLockConfiguration", retention, Set.of("Mode", "Days", "Years"));
            if (retention.mode() == null || (retention.days() == null) == (retention.years() == null)) {
                throw S3Errors.of(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                        + "against our published schema");
            }
            Integer period = retention.days() != null ? retention.days() : retention.years();
            if (period <= 0) {
                throw S3Errors.invalidArgument("Default retention period must be a positive integer value");
            }
            defaults = new Bucket.DefaultRetention(retention.mode(), retention.days(), retention.years());
        }
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:PutBucketObjectLockConfiguration", null);
            if (!bucket.objectLock && bucket.versioning != BucketVersioningStatus.ENABLED) {
                throw S3Errors.of(409, "InvalidBucketState",
                        "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
            }
            bucket.objectLock = true;
            bucket.defaultRetention = defaults;
        }
        return PutObjectLockConfigurationResponse.builder().build();
    }

    GetObjectLockConfigurationResponse getObjectLock(Caller caller, Region region,
            GetObjectLockConfigurationRequest request) {
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:GetBucketObjectLockConfiguration", null);
            if (!bucket.objectLock) {
                throw S3Errors.of(404, "ObjectLockConfigurationNotFoundError",
                        "Object Lock configuration does not exist for this bucket");
            }
            ObjectLockConfiguration.Builder configuration =
                    ObjectLockConfiguration.builder().objectLockEnabled(ObjectLockEnabled.ENABLED);
            Bucket.DefaultRetention defaults = bucket.defaultRetention;
            if (defaults != null) {
                configuration.rule(ObjectLockRule.builder().defaultRetention(DefaultRetention.builder()
                        .mode(defaults.mode()).days(defaults.days()).years(defaults.years()).build()).build());
            }
            return GetObjectLockConfigurationResponse.builder().objectLockConfiguration(configuration.build()).build();
        }
    }

    /**
     * Bucket policy and deletion belong to the bucket owner's account: another account gets 405 even when
     * a policy would allow it, as S3 answers.
     */
    private Bucket ownerOnly(Caller caller, Region region, @Nullable String name, @Nullable String expectedOwner,
            String action) {
        Bucket bucket = store.open(caller, region, name, expectedOwner, action, null);
        if (!bucket.owner.equals(caller.account())) {
            throw S3Errors.of(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        return bucket;
    }
}
