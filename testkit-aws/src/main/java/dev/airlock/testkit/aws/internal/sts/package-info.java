/** Implementation of the in-memory AWS; not API. */
@NullMarked
package dev.airlock.testkit.aws.internal.sts;

import org.jspecify.annotations.NullMarked;
