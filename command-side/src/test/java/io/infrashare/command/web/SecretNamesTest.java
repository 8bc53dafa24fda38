package io.infrashare.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretNamesTest {

    @ParameterizedTest
    @CsvSource({
            "password, password", "dbPassword, password", "DBPassword, password", "db_password, password",
            "dbpassword, password", "DB_PASSWORD, password", "passwd, passwd", "pwd, pwd", "dbPwd, pwd",
            "passphrase, passphrase", "passcode, passcode",
            "secret, secret", "clientSecret, secret", "clientsecret, secret", "client-secret, secret",
            "AWS_SECRET_ACCESS_KEY, secret", "secret_access_key, secret",
            "credential, credential", "credentials, credential", "gitCredentials, credential", "creds, creds",
            "apiKey, apikey", "api_key, apikey", "APIKey, apikey", "apikey, apikey", "apitoken, apitoken",
            "auth_token, authtoken", "AUTH_TOKEN, authtoken", "accessToken, accesstoken",
            "refresh-token, refreshtoken", "private_key, privatekey", "privateKey, privatekey",
            "access_key, accesskey", "signingKey, signingkey", "encryption_key, encryptionkey",
            "masterKey, masterkey", "storageAccountKey, accountkey", "hmac.key, hmackey",
            "token, token", "tokens, tokens", "ciToken, token", "id_token, token", "bearer, bearer",
            "bearer.value, bearer"})
    void namesThatSayTheyHoldASecretAreCaughtNamingTheWord(String name, String word) {
        assertThat(SecretNames.secretWord(name)).as(name).hasValue(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "p\u0430ssword", // a Cyrillic a
            "P\u0410SSWORD", // a capital Cyrillic A
            "passw0rd", // a zero for the o
            "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44", // fullwidth letters
            "p\u00e0ssword", // an accent
            "pa\u0301ssword", // a combining accent
            "pass\u200dword", // a zero-width joiner
            "db\u0455ecret", // a Cyrillic dze for the s
    })
    void lookAlikeLettersAreReadAsTheLettersTheyImitate(String name) {
        assertThat(SecretNames.secretWord(name)).as(name).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "region", "host", "port", "username", "user", "author", "owner", "compass", "bypass", "passenger",
            "keyspace", "keyboard", "monkey", "turkey", "hockey", "tokenizer", "tokenizer_model",
            "key", "keys", "primaryKey", "partitionKey", "sort_key", "routingKey", "cacheKey", "objectKey", "hostKey",
            "publicKey", "sshKeyFingerprint", "keyName", "keyPair"})
    void namesThatMerelyContainTheLettersOrAKeyThatIsNoSecretPass(String name) {
        assertThat(SecretNames.secretWord(name)).as(name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "passwordSecretArn", "dbPasswordSecretName", "secretName", "secret_arn", "secret-ref", "tokenUrl",
            "token_endpoint", "apiKeyId", "accessKeyId", "credentialsPath", "password_file", "tokenTtl",
            "passwordPolicy", "secretVersion", "keyVaultUri", "private_key_location"})
    void namesThatSayWhereASecretIsPass(String name) {
        assertThat(SecretNames.secretWord(name)).as(name).isEmpty();
    }

    @Test
    void aNameSaysWhereASecretIsOnlyByItsLastWord() {
        assertThat(SecretNames.secretWord("secretNameValue")).hasValue("secret");
        assertThat(SecretNames.secretWord("secretname")).hasValue("secret");
    }

    @Test
    void aNameWithoutLettersOrDigitsHoldsNoSecret() {
        assertThat(SecretNames.secretWord("_-.")).isEmpty();
    }
}
