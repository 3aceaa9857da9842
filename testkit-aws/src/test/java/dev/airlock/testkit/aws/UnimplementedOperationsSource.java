package dev.airlock.testkit.aws;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Writes the {@code Unimplemented*Operations} classes: every method of an SDK client interface whose
 * default throws a bare UnsupportedOperationException, overridden to throw one naming the operation.
 * Run after upgrading the SDK, from the repository root:
 * {@code java -cp <testkit-aws test class path> dev.airlock.testkit.aws.UnimplementedOperationsSource}.
 */
final class UnimplementedOperationsSource {
    private static final Pattern QUALIFIED = Pattern.compile("software\\.amazon\\.awssdk(?:\\.\\w+)+\\.[A-Z]\\w*");
    private static final String SDK_VERSION = "2.57.8";

    private UnimplementedOperationsSource() {
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        Path root = Path.of(args.length > 0 ? args[0] : "testkit-aws/src/main/java/dev/airlock/testkit/aws/internal");
        write(root, "sts", StsClient.class, new StsClient() {
            @Override
            public String serviceName() {
                return "sts";
            }

            @Override
            public void close() {
            }
        }, "Sts", "FakeStsClient");
        write(root, "s3", S3Client.class, new S3Client() {
            @Override
            public String serviceName() {
                return "s3";
            }

            @Override
            public void close() {
            }
        }, "S3", "FakeS3Client");
        write(root, "ecr", EcrClient.class, new EcrClient() {
            @Override
            public String serviceName() {
                return "ecr";
            }

            @Override
            public void close() {
            }
        }, "Ecr", "FakeEcrClient");
    }

    private static void write(Path root, String service, Class<?> api, Object bareClient, String prefix, String fake)
            throws IOException, ReflectiveOperationException {
        Set<String> imports = new TreeSet<>(Set.of(api.getName()));
        List<Method> bare = new ArrayList<>();
        for (Method method : api.getMethods()) {
            Object[] arguments = arguments(method);
            if (Modifier.isStatic(method.getModifiers()) || arguments == null || method.getName().equals("close")) {
                continue;
            }
            try {
                method.invoke(bareClient, arguments);
            } catch (InvocationTargetException e) {
                // Delegating defaults (no-argument forms, covariant overloads) reach the bare throw through
                // another default of the interface; only the method that throws it itself needs an override.
                if (e.getCause() instanceof UnsupportedOperationException u && u.getMessage() == null
                        && (u.getStackTrace().length < 2 || !u.getStackTrace()[1].getClassName().equals(api.getName()))) {
                    bare.add(method);
                }
            }
        }
        bare.sort(Comparator.comparing(Method::getName));
        StringBuilder body = new StringBuilder();
        for (Method method : bare) {
            Type[] parameters = method.getGenericParameterTypes();
            List<String> declared = new ArrayList<>();
            for (int i = 0; i < parameters.length; i++) {
                String name = i == 0 ? "request" : parameters[i].getTypeName().contains("RequestBody")
                        ? "requestBody" : "responseTransformer";
                declared.add(shorten(parameters[i].getTypeName(), imports) + " " + name);
            }
            String generics = method.getTypeParameters().length > 0 ? "<ReturnT> " : "";
            String head = "    public " + generics + shorten(method.getGenericReturnType().getTypeName(), imports) + " "
                    + method.getName() + "(";
            String operation = parameters.length == 0
                    ? method.getName() + "()"
                    : Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
            body.append("    @Override\n");
            String joined = String.join(", ", declared);
            body.append((head + joined + ") {").length() > 120
                    ? head + "\n            " + joined + ") {\n"
                    : head + joined + ") {\n");
            body.append("        throw Unimplemented.operation(this, \"").append(operation).append("\");\n");
            body.append("    }\n\n");
        }
        StringBuilder importLines = new StringBuilder();
        imports.forEach(i -> importLines.append("import ").append(i).append(";\n"));
        String source = "package dev.airlock.testkit.aws.internal." + service + ";\n\n"
                + "import dev.airlock.testkit.aws.internal.Unimplemented;\n" + importLines + "\n"
                + "/**\n"
                + " * Every method of the SDK's {@link " + api.getSimpleName() + "} (AWS SDK for Java " + SDK_VERSION
                + ") whose default body throws a bare\n"
                + " * {@link UnsupportedOperationException}, overridden to throw one that names the operation;\n"
                + " * {@link " + fake + "} overrides the operations it implements. Convenience overloads (builder consumers,\n"
                + " * paths, paginators) keep their defaults, which delegate to these. Written by the testkit's\n"
                + " * {@code UnimplementedOperationsSource}; {@code UnimplementedOperationsTest} fails when an SDK upgrade\n"
                + " * adds a method missing here.\n"
                + " */\n"
                + "public abstract class Unimplemented" + prefix + "Operations implements " + api.getSimpleName() + " {\n"
                + body.toString().stripTrailing() + "\n}\n";
        Files.writeString(root.resolve(service).resolve("Unimplemented" + prefix + "Operations.java"), source);
    }

    private static String shorten(String typeName, Set<String> imports) {
        Matcher matcher = QUALIFIED.matcher(typeName);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            imports.add(matcher.group());
            matcher.appendReplacement(out, matcher.group().substring(matcher.group().lastIndexOf('.') + 1));
        }
        return matcher.appendTail(out).toString();
    }

    private static Object @Nullable [] arguments(Method method) throws ReflectiveOperationException {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (SdkRequest.class.isAssignableFrom(types[i])) {
                Method builder = types[i].getMethod("builder");
                arguments[i] = builder.getReturnType().getMethod("build").invoke(builder.invoke(null));
            } else if (types[i] == RequestBody.class) {
                arguments[i] = RequestBody.empty();
            } else if (types[i] == ResponseTransformer.class) {
                arguments[i] = ResponseTransformer.toBytes();
            } else {
                return null;
            }
        }
        return arguments;
    }
}
