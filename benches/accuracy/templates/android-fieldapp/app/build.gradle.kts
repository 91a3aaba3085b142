plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
    id("com.google.gms.google-services")
}

android {
    namespace = "com.acme.field"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.acme.field"
        minSdk = 26
        targetSdk = 34
        versionCode = 412
        versionName = "4.12.0"
        buildConfigField("String", "API_BASE", "\"https://field-api.acme.com/\"")
        buildConfigField("String", "MAPBOX_TOKEN", "\"pk.eyJ1IjoiYWNtZS1maWVsZCIsImEiOiJ«alnum:22»In0.«b64url:16»\"") ⟦-⟧
    }

    signingConfigs {
        create("release") {
            storeFile = file("../keystore/release.jks")
            storePassword = "«pw»" ⟦+password⟧
            keyAlias = "field-release"
            keyPassword = "«pw»" ⟦+password⟧
        }
        create("ci") {
            storeFile = file(System.getenv("KEYSTORE_PATH") ?: "debug.keystore")
            storePassword = System.getenv("KEYSTORE_PASSWORD") ⟦-⟧
            keyAlias = "ci"
            keyPassword = System.getenv("KEY_PASSWORD") ⟦-⟧
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            signingConfig = signingConfigs.getByName("release")
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }
    buildFeatures { buildConfig = true }
}

dependencies {
    implementation("androidx.core:core-ktx:1.12.0")
    implementation("com.squareup.retrofit2:retrofit:2.9.0")
    implementation("com.squareup.okhttp3:okhttp:4.12.0")
    implementation("androidx.security:security-crypto:1.1.0-alpha06")
}
