/** Not API: reading located YAML/JSON nodes into values while collecting problems. */
@NullMarked
package dev.airlock.internal.config;

import org.jspecify.annotations.NullMarked;
