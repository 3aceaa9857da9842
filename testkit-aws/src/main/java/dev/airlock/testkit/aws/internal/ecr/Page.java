package dev.airlock.testkit.aws.internal.ecr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a listing, with an opaque token for the next page (the offset, encoded). */
record Page<T>(List<T> items, @Nullable String nextToken) {

    static <T> Page<T> of(List<T> all, @Nullable Integer maxResults, @Nullable String token) {
        int limit = maxResults == null ? 100 : maxResults;
        if (limit < 1 || limit > 1000) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                    + "'Member must have value between 1 and 1000'");
        }
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw EcrErrors.invalidParameter("Invalid parameter at 'nextToken': the token is not valid");
            }
        }
        int to = Math.min(all.size(), from + limit);
        String next = to < all.size()
                ? Base64.getEncoder().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(List.copyOf(all.subList(Math.min(from, all.size()), to)), next);
    }
}
