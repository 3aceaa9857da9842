/**
 * The AWS documents that make Airlock's rules hold at the account boundary, generated from the landscape
 * and the aws backend's settings: service control policies, role trust and permission policies, bucket,
 * repository and key policies ({@link dev.airlock.aws.policy.AwsPolicies}).
 */
@NullMarked
package dev.airlock.aws.policy;

import org.jspecify.annotations.NullMarked;
