/** Immutable, content-addressed artifacts: digests, provenance and artifact records. */
@NullMarked
package dev.airlock.artifact;

import org.jspecify.annotations.NullMarked;
