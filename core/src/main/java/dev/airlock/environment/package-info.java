/** Accounts, regions, roles, tiers, environments and the landscape that ties them into a promotion graph. */
@NullMarked
package dev.airlock.environment;

import org.jspecify.annotations.NullMarked;
