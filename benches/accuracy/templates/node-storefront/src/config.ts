import { fromIni, fromEnv } from "@aws-sdk/credential-providers";

export const config = {
  port: Number(process.env.PORT ?? 3000),
  s3: {
    bucket: process.env.ASSET_BUCKET ?? "acme-shop-assets",
    region: "eu-west-1",
    credentials: process.env.CI ? fromEnv() : fromIni({ profile: "shop" }), ⟦-⟧
  },
  credentials: "./config/credentials.json", ⟦-⟧
  passwordResetUrl: "/account/reset", ⟦-⟧
  session: {
    secret: process.env.SESSION_SECRET!, ⟦-⟧
    cookieName: "shop.sid",
    maxAgeMs: 1000 * 60 * 60 * 24 * 7,
  },
  theme: {
    primary: "#1f6feb",
    secondary: "#6e7781",
    tokenColor: "#0969da", ⟦-⟧
  },
};
