package io.collectivepulse.teams;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import java.time.Instant;
import java.util.Date;

/**
 * An access token from the client-credentials grant, in the MSAL shape the SDK's authenticators return.
 * An app-only token has no id token, account or tenant profile.
 */
record AccessToken(String accessToken, String scopes, String environment, Instant expiresOn)
        implements IAuthenticationResult {

    @Override
    public String idToken() {
        return null;
    }

    @Override
    public IAccount account() {
        return null;
    }

    @Override
    public ITenantProfile tenantProfile() {
        return null;
    }

    @Override
    public Date expiresOnDate() {
        return Date.from(expiresOn);
    }

    @Override
    public String toString() {
        return "AccessToken[scopes=" + scopes + ", expiresOn=" + expiresOn + "]";
    }
}
