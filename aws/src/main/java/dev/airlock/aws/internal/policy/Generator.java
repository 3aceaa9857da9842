package dev.airlock.aws.internal.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.airlock.aws.policy.GeneratedPolicy;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.aws.policy.PolicyTooLargeException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Renders every document of a setup and refuses the first one AWS would refuse for its size. */
public final class Generator {
    private static final ObjectWriter PRETTY = Stmt.JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Generator() {
    }

    public static List<GeneratedPolicy> generate(Setup setup) {
        List<Draft> drafts = new ArrayList<>();
        drafts.addAll(Scps.all(setup));
        drafts.addAll(Roles.all(setup));
        drafts.addAll(Resources.all(setup));
        drafts.addAll(Keys.all(setup));
        List<GeneratedPolicy> policies = new ArrayList<>();
        for (Draft draft : drafts) {
            GeneratedPolicy policy = render(draft);
            requireWithinLimit(policy);
            policies.add(policy);
        }
        return List.copyOf(policies);
    }

    /** SCPs are written compact: Organizations counts their whitespace. */
    private static GeneratedPolicy render(Draft draft) {
        String text;
        try {
            text = draft.kind() == PolicyKind.SCP ? Stmt.JSON.writeValueAsString(draft.json())
                    : PRETTY.writeValueAsString(draft.json());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedPolicy(draft.account(), draft.owner(), draft.purpose(), draft.kind(), draft.target(),
                draft.apply(), text + "\n");
    }

    /**
     * Measures a document as AWS does (IAM without whitespace outside strings; SCPs every character) and
     * refuses it, naming its file, when it is over its kind's limit.
     *
     * @throws PolicyTooLargeException when it does not fit
     */
    public static void requireWithinLimit(GeneratedPolicy policy) {
        int size = size(policy);
        if (size > policy.kind().limit()) {
            throw new PolicyTooLargeException(policy, size);
        }
    }

    public static int size(GeneratedPolicy policy) {
        String text = policy.document().strip();
        return policy.kind() == PolicyKind.SCP ? text.length() : withoutWhitespace(text).length();
    }

    private static String withoutWhitespace(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
