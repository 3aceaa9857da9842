package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sts.StsClient;

class UnimplementedOperationsTest {
    private final TestLandscape aws = new TestLandscape();

    @Test
    void unimplementedOperation_failsNamingItAndListingTheImplementedOnes() {
        S3Client s3 = aws.s3(aws.root(PROD));

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> s3.listMultipartUploads(ListMultipartUploadsRequest.builder().bucket("b").build()));

        assertTrue(e.getMessage().startsWith("FakeS3Client does not implement ListMultipartUploads; implemented "
                + "operations are [AbortMultipartUpload, "), e.getMessage());
    }

    @Test
    void unimplementedOperation_throughAConvenienceOverload_failsNamingIt() {
        UnsupportedOperationException sts = assertThrows(UnsupportedOperationException.class,
                () -> aws.sts(aws.ci()).getSessionToken());
        UnsupportedOperationException ecr = assertThrows(UnsupportedOperationException.class,
                () -> aws.ecr(aws.ci()).batchDeleteImage(b -> b.repositoryName("app")));

        assertTrue(sts.getMessage().startsWith("FakeStsClient does not implement GetSessionToken;"), sts.getMessage());
        assertTrue(ecr.getMessage().startsWith("FakeEcrClient does not implement BatchDeleteImage;"), ecr.getMessage());
    }

    @Test
    void unimplementedOperation_throughAPaginator_failsNamingIt() {
        S3Client s3 = aws.s3(aws.root(PROD));

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> s3.listMultipartUploadsPaginator(l -> l.bucket("b")).forEach(page -> { }));

        assertTrue(e.getMessage().startsWith("FakeS3Client does not implement ListMultipartUploads;"), e.getMessage());
    }

    @Test
    void clients_areEqualOnlyToThemselves() {
        S3Client s3 = aws.s3(aws.root(PROD));

        assertEquals(s3, s3);
        assertNotEquals(s3, aws.s3(aws.root(PROD)));
        assertEquals(System.identityHashCode(s3), s3.hashCode());
    }

    @Test
    void convenienceOverloads_ofImplementedOperations_work() {
        S3Client s3 = aws.s3(aws.root(PROD));
        Buckets.create(s3, "prod-artifacts", REGION);

        s3.putObject(p -> p.bucket("prod-artifacts").key("k"), RequestBody.fromString("x"));

        assertEquals("x", s3.getObject(g -> g.bucket("prod-artifacts").key("k"), ResponseTransformer.toBytes())
                .asUtf8String());
        assertEquals(1, s3.listObjectsV2Paginator(l -> l.bucket("prod-artifacts")).contents().stream().count());
        assertEquals(PROD, aws.sts(aws.root(PROD)).getCallerIdentity().account());
    }

    @Test
    void requestFieldTheFakeDoesNotModel_failsNamingTheField() {
        S3Client s3 = aws.s3(aws.root(PROD));
        Buckets.create(s3, "prod-artifacts", REGION);

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> s3.putObject(
                p -> p.bucket("prod-artifacts").key("k").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("x")));

        assertTrue(e.getMessage().startsWith("FakeS3Client does not model PutObject with ServerSideEncryption"),
                e.getMessage());
    }

    @Test
    void closedClient_refusesCalls() {
        StsClient sts = aws.sts(aws.ci());
        sts.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, sts::getCallerIdentity);
        assertEquals("FakeStsClient has been closed", e.getMessage());
    }

    @Test
    void clients_reportTheirRegionAndCredentials() {
        S3Client s3 = aws.world.s3(aws.ci(), software.amazon.awssdk.regions.Region.US_WEST_2);

        assertEquals(software.amazon.awssdk.regions.Region.US_WEST_2, s3.serviceClientConfiguration().region());
        assertEquals("s3", s3.serviceName());
        assertTrue(s3.utilities().getUrl(g -> g.bucket("b").key("k")).toString().contains("us-west-2"));
    }

    /**
     * No method of the SDK interfaces throws the SDK's bare UnsupportedOperationException: each is
     * implemented, delegates to one that is, or fails naming the operation, also after an SDK upgrade
     * that adds operations.
     */
    @Test
    void noMethodOfTheSdkInterfaces_failsWithoutSayingWhich() throws ReflectiveOperationException {
        List<String> bare = new ArrayList<>();
        bare.addAll(bareFailures(StsClient.class, aws.sts(aws.ci())));
        bare.addAll(bareFailures(S3Client.class, aws.s3(aws.ci())));
        bare.addAll(bareFailures(EcrClient.class, aws.ecr(aws.ci())));

        assertEquals(List.of(), bare);
    }

    /** Calls every method taking a request (or nothing) with an empty request, collecting bare failures. */
    private static List<String> bareFailures(Class<?> api, Object client) throws ReflectiveOperationException {
        List<String> bare = new ArrayList<>();
        for (Method method : api.getMethods()) {
            Object[] arguments = arguments(method);
            if (Modifier.isStatic(method.getModifiers()) || method.getName().equals("close") || arguments == null) {
                continue;
            }
            try {
                method.invoke(client, arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof UnsupportedOperationException unsupported && unsupported.getMessage() == null) {
                    bare.add(api.getSimpleName() + "." + method.getName());
                }
            }
        }
        return bare;
    }

    private static Object @Nullable [] arguments(Method method) throws ReflectiveOperationException {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (SdkRequest.class.isAssignableFrom(types[i])) {
                Method builder = types[i].getMethod("builder");
                arguments[i] = builder.getReturnType().getMethod("build").invoke(builder.invoke(null));
            } else if (types[i] == RequestBody.class) {
                arguments[i] = RequestBody.empty();
            } else if (types[i] == ResponseTransformer.class) {
                arguments[i] = ResponseTransformer.toBytes();
            } else {
                return null;
            }
        }
        return arguments;
    }
}
