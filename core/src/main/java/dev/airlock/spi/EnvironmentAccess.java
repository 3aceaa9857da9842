package dev.airlock.spi;

import dev.airlock.environment.Environment;

/**
 * Opens scoped access to one environment for one promotion: on AWS, a role chain into the
 * environment's deploy role whose session name carries the promotion id and whose source
 * identity carries the principal.
 */
public interface EnvironmentAccess {

    /**
     * Opens a session; close it when the promotion step is done.
     *
     * @throws AccessDeniedException if the environment's trust does not let the caller in
     */
    AccessSession open(Environment environment, AccessContext context);
}
