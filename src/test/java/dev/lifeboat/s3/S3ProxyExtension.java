package dev.lifeboat.s3;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects an {@link S3ProxyServer} shared by every test class of the run: started on first use, stopped (and its
 * directory deleted) when the run ends. Tests isolate themselves with their own bucket.
 */
public final class S3ProxyExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(S3ProxyExtension.class))
                .getOrComputeIfAbsent(S3ProxyServer.class, type -> {
                    try {
                        return S3ProxyServer.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not start S3Proxy", e);
                    }
                }, S3ProxyServer.class);
    }
}
