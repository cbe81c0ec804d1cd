package dev.tradefleet.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every REST endpoint a service declares, found by reading its compiled classes: what a security test walks
 * through so that a new endpoint cannot slip in without a security declaration.
 */
public final class ResourceEndpoints {

    /** Annotations that say who may call an endpoint (besides name-bound filter annotations, see {@link #securityOf}). */
    private static final Set<String> SECURITY_ANNOTATIONS = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll", "io.quarkus.security.Authenticated");

    public record Endpoint(String method, String path, Method handler) {

        /** The path with every template parameter filled in with a well-formed id nobody owns. */
        public String concretePath() {
            return path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
        }

        /**
         * Calls the endpoint with {@code request} (which may carry a token): an empty JSON object as the body where a
         * body is expected, so that what answers is the security check, not the content-type check.
         */
        public io.restassured.response.ExtractableResponse<io.restassured.response.Response> call(
                io.restassured.specification.RequestSpecification request) {
            boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            io.restassured.specification.RequestSpecification sent = hasBody ? request.contentType("application/json").body("{}") : request;
            return sent.request(method, concretePath()).then().extract();
        }

        public int statusFor(io.restassured.specification.RequestSpecification request) {
            return call(request).statusCode();
        }

        /** The security declarations on the method and its class: role annotations and name-bound filters. */
        public List<String> security() {
            List<String> found = new ArrayList<>(securityOf(handler));
            found.addAll(securityOf(handler.getDeclaringClass()));
            return found;
        }

        /** Open to anyone: {@code @PermitAll} on the method, or on the class with nothing else on the method. */
        public boolean isPublic() {
            List<String> onMethod = securityOf(handler);
            List<String> onClass = securityOf(handler.getDeclaringClass());
            return onMethod.isEmpty() ? onClass.equals(List.of("PermitAll")) : onMethod.equals(List.of("PermitAll"));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ResourceEndpoints() {
    }

    /**
     * Fails unless every endpoint declares who may call it, none is public, and each answers 401 to a caller without
     * a token and to every token of {@code attacks} (the catalogue of {@link TestTokens#attacks}).
     */
    public static void assertEachRefusesStrangers(List<Endpoint> endpoints, Map<String, String> attacks) {
        for (Endpoint endpoint : endpoints) {
            assertFalse(endpoint.security().isEmpty(), endpoint + " declares nothing about who may call it");
            assertFalse(endpoint.isPublic(), endpoint + " is public");
            assertEquals(401, endpoint.statusFor(RestAssured.given()), endpoint + " without a token");
            attacks.forEach((attack, token) ->
                    assertEquals(401, endpoint.statusFor(RestAssured.given().auth().oauth2(token)), endpoint + " with " + attack));
        }
    }

    /** The endpoints of every resource class below {@code basePackage} on the class path. */
    public static List<Endpoint> in(String basePackage) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classesBelow(basePackage)) {
            String base = path(type);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    String sub = path(method);
                    endpoints.add(new Endpoint(verb, join(base, sub), method));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    static List<String> securityOf(AnnotatedElement element) {
        List<String> found = new ArrayList<>();
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            boolean nameBound = type.isAnnotationPresent(jakarta.ws.rs.NameBinding.class);
            if (SECURITY_ANNOTATIONS.contains(type.getName()) || nameBound) {
                found.add(type.getSimpleName());
            }
        }
        return found;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod verb = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String path(AnnotatedElement element) {
        jakarta.ws.rs.Path path = element.getAnnotation(jakarta.ws.rs.Path.class);
        return path == null ? null : path.value();
    }

    private static String join(String base, String sub) {
        String joined = sub == null ? base : base.replaceAll("/$", "") + "/" + sub.replaceAll("^/", "");
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    private static List<Class<?>> classesBelow(String basePackage) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String folder = basePackage.replace('.', '/');
        List<Class<?>> classes = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (!"file".equals(root.getProtocol())) {
                    continue;
                }
                Path dir = Path.of(root.toURI());
                Path classRoot = dir;
                for (String ignored : folder.split("/")) {
                    classRoot = classRoot.getParent();
                }
                Path finalRoot = classRoot;
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                        String name = finalRoot.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                        try {
                            classes.add(Class.forName(name, false, loader));
                        } catch (ClassNotFoundException | LinkageError e) {
                            // not loadable here (e.g. a generated class): not a resource of ours
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
