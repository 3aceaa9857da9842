package dev.airlock.config;

import dev.airlock.environment.Landscape;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Backend;
import dev.airlock.spi.BackendContext;
import dev.airlock.spi.BackendProvider;
import dev.airlock.spi.EnvironmentAccess;
import dev.airlock.spi.Ledger;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A backend from outside core, registered in this module's test resources
 * ({@code META-INF/services}), so the tests prove that providers are found on the class path.
 */
public final class RecordingBackendProvider implements BackendProvider {
    static final Backend BACKEND = Backend.of(unused(ArtifactStore.class), unused(EnvironmentAccess.class),
            unused(Ledger.class), () -> { });
    private static volatile ConfigSection lastSettings;

    static ConfigSection lastSettings() {
        return lastSettings;
    }

    @Override
    public String type() {
        return "recording";
    }

    @Override
    public Map<String, String> describe(ConfigSection settings, Landscape landscape) {
        lastSettings = settings;
        return Map.of("type", type());
    }

    @Override
    public Backend open(ConfigSection settings, BackendContext context) {
        lastSettings = settings;
        return BACKEND;
    }

    private static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
