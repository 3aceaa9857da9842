package dev.airlock.testkit.aws.internal;

import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsFault;
import dev.airlock.testkit.aws.AwsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The path every fake call takes, in the order a real request meets them: the client-side check of
 * the request's fields and credential resolution, then (at the "service") an injected delay, the
 * signature check, an injected fault, and the operation itself, and finally one record in the call log
 * whatever the outcome.
 */
public final class Calls {
    /** What a fake client instance is bound to. */
    public static final class Client {
        private final AwsService service;
        private final Region region;
        private final AwsCredentialsProvider credentials;
        private final AtomicBoolean closed = new AtomicBoolean();

        public Client(AwsService service, Region region, AwsCredentialsProvider credentials) {
            this.service = service;
            this.region = region;
            this.credentials = credentials;
        }

        public AwsService service() {
            return service;
        }

        public Region region() {
            return region;
        }

        public AwsCredentialsProvider credentials() {
            return credentials;
        }

        /** Marks the client closed; later calls fail as they would on a closed SDK client. */
        public void close() {
            closed.set(true);
        }
    }

    private final Iam iam;
    private final FaultRules faults;
    private final CallLog log;
    private final Clock clock;

    public Calls(Iam iam, FaultRules faults, CallLog log, Clock clock) {
        this.iam = iam;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    public Iam iam() {
        return iam;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Runs one call of {@code operation}: the request may set only {@code modeled} fields; {@code action}
     * receives the authenticated caller and either returns the response or throws the service's error.
     */
    public <T> T run(Client client, String operation, AwsRequest request, Set<String> modeled,
            Function<Caller, T> action) {
        if (client.closed.get()) {
            throw new IllegalStateException(client.service.fakeName() + " has been closed");
        }
        Map<String, String> fields = RequestFields.check(client.service.fakeName(), operation, request, modeled);
        return serve(client, operation, fields, resolve(client, request), action);
    }

    /**
     * Runs one call of {@code operation} of a service the SDK has no request classes for here (Organizations):
     * {@code fields} are what the request set, already checked by the fake; credentials are the client's.
     */
    public <T> T run(Client client, String operation, Map<String, String> fields, Function<Caller, T> action) {
        if (client.closed.get()) {
            throw new IllegalStateException(client.service.fakeName() + " has been closed");
        }
        return serve(client, operation, Map.copyOf(fields), client.credentials.resolveCredentials(), action);
    }

    private <T> T serve(Client client, String operation, Map<String, String> fields,
            AwsCredentialsIdentity credentials, Function<Caller, T> action) {
        Instant time = clock.instant();
        sleep(faults.takeDelay(client.service, operation));
        Caller caller = null;
        RequestScope.Handle scope = RequestScope.open(client.region.id());
        try {
            caller = iam.authenticate(client.service, credentials);
            Optional<AwsFault> fault = faults.takeFault(client.service, operation);
            if (fault.isPresent()) {
                throw ServiceErrors.fault(client.service, fault.get());
            }
            T response = action.apply(caller);
            record(client, operation, time, caller, fields, 200, null);
            return response;
        } catch (AwsServiceException e) {
            record(client, operation, time, caller, fields, e.statusCode(), e.awsErrorDetails().errorCode());
            throw e;
        } catch (UnsupportedOperationException | SdkClientException e) {
            // Refused on the client side (something the fake does not model, a request the SDK would not
            // send): AWS never sees it, so it is not recorded.
            throw e;
        } catch (RuntimeException e) {
            record(client, operation, time, caller, fields, 0, e.getClass().getSimpleName());
            throw e;
        } finally {
            scope.close();
        }
    }

    private void record(Client client, String operation, Instant time, @Nullable Caller caller,
            Map<String, String> fields, int status, @Nullable String errorCode) {
        log.add(new AwsCall(time, client.service, operation, client.region.id(),
                caller == null ? null : caller.account(), caller == null ? null : caller.arn(),
                caller == null ? null : caller.sourceIdentity(), fields, status, errorCode));
    }

    private static AwsCredentialsIdentity resolve(Client client, AwsRequest request) {
        Optional<? extends IdentityProvider<? extends AwsCredentialsIdentity>> override = request
                .overrideConfiguration()
                .flatMap(AwsRequestOverrideConfiguration::credentialsIdentityProvider);
        if (override.isPresent()) {
            return override.get().resolveIdentity().join();
        }
        return client.credentials.resolveCredentials();
    }

    private static void sleep(Optional<Duration> delay) {
        if (delay.isEmpty()) {
            return;
        }
        try {
            Thread.sleep(delay.get().toMillis(), (int) (delay.get().toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("Thread was interrupted while the fake service was delaying the call", e);
        }
    }
}
