package io.loyalty.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented API key into an identity whose single role is the key's role. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyService service;

    ApiKeyIdentityProvider(ApiKeyService service) {
        this.service = service;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        String key = request.key();
        if (key.length() < ApiKeys.MIN_LENGTH || key.length() > 200) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown or revoked API key"));
        }
        String hash = java.util.HexFormat.of().formatHex(ApiKeys.hash(key));
        return context.runBlocking(() -> service.authenticate(hash)
                .map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked API key")));
    }

    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.apiKeyId().toString()))
                .addRole(caller.role().name())
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build();
    }
}
