/**
 * The policy language as values: {@link dev.airlock.guardrail.policy.PolicyDocument}s attached to the
 * organization, a tier, an environment group or one environment, each holding
 * {@link dev.airlock.guardrail.policy.Statement}s whose {@link dev.airlock.guardrail.policy.Rule} is one of
 * the built-in kinds or a generic {@link dev.airlock.guardrail.policy.Condition} test. Configuration files
 * are read into these values; code may build them directly.
 */
@NullMarked
package dev.airlock.guardrail.policy;

import org.jspecify.annotations.NullMarked;
