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
define( 'DB_PASSWORD', 'pa55word' );

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         '-AReV4AZQLHKiL3rBwbA6B_OJrtd5zJXHJ63.JxJwQic9hKZm3_gUfa4Fls7mJC5' );
define( 'SECURE_AUTH_KEY',  '.deUM8p-EFI0PikfAT.*0mzM_!ufvd3I*JI0-vmhZEVUbn.cW6fK8kEKk-cfc6W7' );
define( 'LOGGED_IN_KEY',    'J0xKnar3c.pF5LzUp!C1N3_dYEVvo2VgtaQtDp1DD.-z.qhgUfNbYQfez1rmIVQw' );
define( 'NONCE_KEY',        '8o02DKkzVAsvjYrlzwB2jaxQRFIvtv.9Ge*ISyPuEAwdBE!UBCE_rcdtU31F441R' );
define( 'AUTH_SALT',        'FC7VOXytJCFVVSJQ-y1Rc.IV.czxptKNi_7ixFzgCyal809ibb8VW3*FJZ.Dttw*' );
define( 'SECURE_AUTH_SALT', 'dFkc9jd0TmnzJJN-1z4liGaH7j.sbauw9a-PZjci9f5Sk.M4wxRPbloIJTMG-r_5' );
define( 'LOGGED_IN_SALT',   'B_cC9VuWmMOYDS_ZR1zHQGE!wqXCE7GqvL9dE!msDdNu*S0Yx_1sbn_SsUkjPxC5' );
define( 'NONCE_SALT',       '0At!08F*FajOmATtmHw3d5qm9NkDpS4sbbaDEeQAlUSFfcW38TaoarZwtR86iJft' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', 'Pumpkin-6517' );
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
