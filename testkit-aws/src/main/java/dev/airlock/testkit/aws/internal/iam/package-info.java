/** Implementation of the in-memory AWS; not API. */
@NullMarked
package dev.airlock.testkit.aws.internal.iam;

import org.jspecify.annotations.NullMarked;
