package dev.airlock.aws;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/** What both targets share: the landscape, the request record and faults, and the backends to close. */
abstract class TargetBase implements AwsTarget {
    final RecordingInterceptor recorder = new RecordingInterceptor();
    final FaultInjector faults = new FaultInjector();
    final Landscape landscape = AwsTarget.landscape();
    private final List<AwsBackend> backends = new ArrayList<>();

    /** The clients Airlock's backends get: recorded, and failing where {@link #faults} says. */
    abstract AwsClientFactory clients();

    @Override
    public RecordingInterceptor recorder() {
        return recorder;
    }

    @Override
    public FaultInjector faults() {
        return faults;
    }

    @Override
    public Environment env(String name) {
        return landscape.require(name);
    }

    @Override
    public AwsBackend backend(AwsConfiguration configuration, Clock clock) {
        return backend(configuration, clock, clients());
    }

    AwsBackend backend(AwsConfiguration configuration, Clock clock, AwsClientFactory clients) {
        AwsBackend backend = AwsBackend.builder().configuration(configuration).landscape(landscape)
                .baseCredentials(base()).clientFactory(clients).clock(clock).build();
        synchronized (backends) {
            backends.add(backend);
        }
        return backend;
    }

    @Override
    public void repository(AccountId account, String name, boolean immutable) {
        try (EcrClient ecr = ecr(account)) {
            ecr.createRepository(r -> r.repositoryName(name)
                    .imageTagMutability(immutable ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE));
        }
    }

    @Override
    public void close() {
        synchronized (backends) {
            backends.forEach(AwsBackend::close);
        }
    }
}
