package dev.switchboard.glassfish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * The test application's login, shipped inside the WAR GlassFishContainerAuthIT deploys: HTTP BASIC against three
 * fixed users, through Jakarta Security, as an application would configure its container.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "switchboard")
public class FixedUsers implements IdentityStore {

    static final String PASSWORD = "correct horse battery staple";
    static final Map<String, Set<String>> USERS = Map.of(
            "ann", Set.of("chat-user"),
            "rita", Set.of("chat-reader"),
            "nobody", Set.of());

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Set<String> groups = USERS.get(credential.getCaller());
        if (groups == null || !credential.compareTo(credential.getCaller(), PASSWORD)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), groups);
    }
}
