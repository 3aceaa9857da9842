/** How the generated AWS policies are written: not API, may change without notice. */
@NullMarked
package dev.airlock.aws.internal.policy;

import org.jspecify.annotations.NullMarked;
