/**
 * Guardrails (SCP-like denies), permissions (IAM-like allows) and requirements (approvals, soak,
 * windows), evaluated by one pure function into an explained {@link dev.airlock.guardrail.Outcome}.
 */
@NullMarked
package dev.airlock.guardrail;

import org.jspecify.annotations.NullMarked;
