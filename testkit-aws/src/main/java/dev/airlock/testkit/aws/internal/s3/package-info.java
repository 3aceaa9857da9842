/** Implementation of the in-memory AWS; not API. */
@NullMarked
package dev.airlock.testkit.aws.internal.s3;

import org.jspecify.annotations.NullMarked;
