package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a caller is, from the ARN {@code sts:GetCallerIdentity} reports for the base credentials: an
 * ordered list of ARN patterns, each mapped to a principal; the first that matches wins. In a pattern
 * {@code *} matches any characters except {@code /}. A principal may be {@value #SESSION}, the role
 * session name of an assumed-role ARN: IAM Identity Center names sessions by the user's email, so a
 * pattern for its roles
 * ({@code arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*} then {@code /*}) mapped to
 * {@value #SESSION} maps {@code arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Release_0a1b/rita@acme.example}
 * to {@code rita@acme.example}, and a fixed CI role maps to a fixed principal such as {@code ci@tooling}.
 * A caller no pattern matches is refused.
 */
public final class IdentityMapping {
    /** The principal that stands for the role session name of the caller's ARN. */
    public static final String SESSION = "{session}";

    private static final IdentityMapping NONE = new IdentityMapping(List.of());

    private final List<Rule> rules;

    private IdentityMapping(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No caller is mapped: every one is refused. */
    public static IdentityMapping none() {
        return NONE;
    }

    /** The rules in order; the first whose pattern matches decides. */
    public static IdentityMapping of(List<Rule> rules) {
        return new IdentityMapping(InvalidValueException.requireNonNull("rules", rules));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The principal {@code arn} is mapped to, if a rule matches it. */
    public Optional<String> principalOf(String arn) {
        for (Rule rule : rules) {
            if (rule.matches(arn)) {
                String principal = SESSION.equals(rule.principal()) ? arn.substring(arn.lastIndexOf('/') + 1)
                        : rule.principal();
                return principal.isBlank() ? Optional.empty() : Optional.of(principal);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "IdentityMapping" + rules;
    }

    /**
     * One ARN pattern and the principal it maps to.
     *
     * @param arnPattern an ARN in which {@code *} matches any characters except {@code /}
     * @param principal  a principal as groups name it, or {@value IdentityMapping#SESSION}
     */
    public record Rule(String arnPattern, String principal) {
        public Rule {
            InvalidValueException.requireNonNull("arnPattern", arnPattern);
            InvalidValueException.requireNonNull("principal", principal);
            if (!arnPattern.startsWith("arn:")) {
                throw new InvalidValueException("arnPattern", arnPattern, "must be an ARN pattern such as "
                        + "arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_*/*");
            }
            if (principal.isBlank() || (principal.contains("{") && !SESSION.equals(principal))) {
                throw new InvalidValueException("principal", principal, "must be a principal as the groups name it, "
                        + "or " + SESSION + " for the role session name of the caller's ARN");
            }
        }

        boolean matches(String arn) {
            return regex(arnPattern).matcher(arn).matches();
        }

        private static Pattern regex(String glob) {
            List<String> parts = new ArrayList<>();
            for (String literal : glob.split("\\*", -1)) {
                parts.add(Pattern.quote(literal));
            }
            return Pattern.compile(String.join("[^/]*", parts));
        }
    }
}
