<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'acme_blog' );

/** Database username */
define( 'DB_USER', 'blog_wp' );

/** Database password */
define( 'DB_PASSWORD', 'panther' );

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'q7dVp7y36ZgpWjwKEZNsMv4sBgCOW8eW7xOV4YOqFeX.gMTP8JU5GtNY.k7f0zhU' );
define( 'SECURE_AUTH_KEY',  'i3HMzOoP-IknEUN8n9fP0U*!wRFAN*8i8KuD0KQzJLrW4gd.PnBZpRnV4rKtxqBn' );
define( 'LOGGED_IN_KEY',    'eMB9R7Dx1h*0lTtZg5_jbcu54Tj4Be7gVsHfEnYa318k*YMGp4bCS!kVG-jB4cUp' );
define( 'NONCE_KEY',        'ck8ogIAnbq5JpQ-GRxMsCkAs4.h-FCJloy_6KMCsOQuaj2q3cfK1n5kGss5eB*GK' );
define( 'AUTH_SALT',        'pJgugjKhVfpwoZcxG8LoSRTtOvekRD1Tovkl8BgX7wqSifjPY-nQgasrvhkun2uK' );
define( 'SECURE_AUTH_SALT', 'y4P5gwxyDC1FK-tRiEwjF8M9361s.KUYD*4b*!AsqXJiyeShNMHUC4rFhD5vDvnR' );
define( 'LOGGED_IN_SALT',   '8Ift7OGdt2GNvtTO*8meAxp3iLvW5ST__zL5LQ-RYmmYctWjZ4.h2FMmQXsnKQeJ' );
define( 'NONCE_SALT',       'ab*sXJ3G-E!bT__WZeXNYi8RrWV3EM_*VBTsqg7xwW--1zkCDxdhD42m0UG_Z_PK' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', 'Oliver7!' );
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
