package dev.airlock.testkit.aws.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * The fields a request sets, read through the SDK's own field model. A fake that silently ignored a
 * field it does not model (a byte range, a customer encryption key) would answer differently from AWS
 * without saying so; instead every field outside the operation's modeled set fails the call loudly.
 */
public final class RequestFields {
    private RequestFields() {
    }

    /**
     * The set fields of {@code request} by PascalCase member name, rendered as text.
     *
     * @throws UnsupportedOperationException naming the first field outside {@code modeled}
     */
    public static Map<String, String> check(String fakeName, String operation, SdkPojo request, Set<String> modeled) {
        Map<String, String> set = new LinkedHashMap<>();
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            String name = pascal(field.memberName());
            if (!modeled.contains(name)) {
                throw new UnsupportedOperationException(fakeName + " does not model " + operation + " with " + name
                        + "; modeled fields are " + new TreeSet<>(modeled));
            }
            set.put(name, render(value));
        }
        return set;
    }

    private static String render(Object value) {
        if (value instanceof SdkBytes bytes) {
            return "<" + bytes.asByteArrayUnsafe().length + " bytes>";
        }
        return String.valueOf(value);
    }

    private static String pascal(String memberName) {
        return Character.toUpperCase(memberName.charAt(0)) + memberName.substring(1);
    }
}
