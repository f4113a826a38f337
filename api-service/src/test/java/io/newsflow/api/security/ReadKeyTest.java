package io.newsflow.api.security;

import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With a read key configured, every query endpoint needs it (header or the UI's session cookie); the UI files do not. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestProfile(ReadAndWriteKeys.class) // a write key is configured too: it changes nothing of reading
class ReadKeyTest {

    private static final String READ_KEY = ReadAndWriteKeys.READ_KEY;

    @Test
    void queriesNeedTheKeyAsAHeader() {
        for (String path : new String[]{"/articles", "/entities", "/entities/person:nobody", "/articles/x", "/stream"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
            given().header("Authorization", "Bearer wrong").get(path).then().statusCode(401);
        }
        given().header("Authorization", "Bearer " + READ_KEY).get("/articles").then().statusCode(200);
        given().header("X-API-Key", READ_KEY).get("/entities").then().statusCode(200);
    }

    @Test
    void theWebUiAndOperationsEndpointsStayOpen() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/js/app.js").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/session").then().statusCode(200).body("required", equalTo(true)).body("authenticated", equalTo(false));
    }

    @Test
    void browsersSignInWithAnHttpOnlyStrictCookie() {
        given().contentType(ContentType.JSON).body("{\"key\":\"wrong\"}").post("/session")
                .then().statusCode(401).contentType("application/problem+json");
        Response signIn = given().contentType(ContentType.JSON).body("{\"key\":\"" + READ_KEY + "\"}").post("/session");
        signIn.then().statusCode(204).header("Set-Cookie", allOf(containsString(ReadAccess.COOKIE + "=" + READ_KEY),
                containsString("HttpOnly"), containsString("SameSite=Strict"), containsString("Path=/")));

        given().cookie(ReadAccess.COOKIE, READ_KEY).get("/articles").then().statusCode(200);
        given().cookie(ReadAccess.COOKIE, READ_KEY).get("/session").then().body("authenticated", equalTo(true));
        given().cookie(ReadAccess.COOKIE, "forged").get("/articles").then().statusCode(401);
        given().delete("/session").then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));
    }
}
