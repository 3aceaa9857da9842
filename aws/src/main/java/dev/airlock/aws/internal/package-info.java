/** Implementation of the aws module: not API, may change without notice. */
@NullMarked
package dev.airlock.aws.internal;

import org.jspecify.annotations.NullMarked;
