/** Implementation of the in-memory AWS; not API. */
@NullMarked
package dev.airlock.testkit.aws.internal.kms;

import org.jspecify.annotations.NullMarked;
