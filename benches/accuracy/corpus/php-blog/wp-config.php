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
define( 'DB_PASSWORD', 'rainbowsnowball60' );

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'RG8ED*DhYL79cuyEGF9WeuGc8JhTor6UPV55s1UHWFhafmPk8B0y.ezMSF0lz26e' );
define( 'SECURE_AUTH_KEY',  'mqS0cjbiyaDN5nHFb!-CKhgF8lzsIZx.q1.KIjC8UfYUAiTWQNzE_oc3Uh7WsPFE' );
define( 'LOGGED_IN_KEY',    '*48qRBHcCUFhJH4Shr1plErKDvtRk3rXbj8h5tzJEzEx_d5ydpmYc3IxKBl9JtWJ' );
define( 'NONCE_KEY',        'nZZqS8nGl9W9Z-x5eA_3R8y_U098DGWnhVUmcGKvEP.PuRWl6ZL7b9GWXICgSM7C' );
define( 'AUTH_SALT',        '1BSJA_*ld7ny-MbF!4nhS6VhAjfuiVG*YbIyL0DfOh9t5ZKMG8b!4zU8AAg6AYSF' );
define( 'SECURE_AUTH_SALT', 'LpP5dM*3qT_-9JCDKkEs!XrInmyFYBWAFePc0*zlHPnfAIPzHTUihXM1QS-nV1cn' );
define( 'LOGGED_IN_SALT',   '.8DUO.YbTCikvOhEqjLzk6mYJP1!aD1y1oD3_FuVkF.1KfOszewKGAQQii8TbZqK' );
define( 'NONCE_SALT',       'JG29JunIKYyv-j4nOdWzZF7!34.p!l6Df6!G6p*5PF74G0B8GVo8T!wt.I5FJdJG' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', 'seattlehorizon20' );
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
