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
define( 'DB_PASSWORD', 'rangerdragon62' );

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'GWXICgSM7C1BSJA_*ld7ny-MbF!4nhS6VhAjfuiVG*YbIyL0DfOh9t5ZKMG8b!4z' );
define( 'SECURE_AUTH_KEY',  'U8AAg6AYSFLpP5dM*3qT_-9JCDKkEs!XrInmyFYBWAFePc0*zlHPnfAIPzHTUihX' );
define( 'LOGGED_IN_KEY',    'M1QS-nV1cn.8DUO.YbTCikvOhEqjLzk6mYJP1!aD1y1oD3_FuVkF.1KfOszewKGA' );
define( 'NONCE_KEY',        'QQii8TbZqKJG29JunIKYyv-j4nOdWzZF7!34.p!l6Df6!G6p*5PF74G0B8GVo8T!' );
define( 'AUTH_SALT',        'wt.I5FJdJGIYtiOBicfcExbbnx2IGf8Gmmc3pBaUeMD7bqKQzY6Ri4*a3a.4CU*7' );
define( 'SECURE_AUTH_SALT', 'l_oJAh-Wg5c8Q0f-7uIjEcyxdl22lrmSIJ_!fKO1XkS4YkGWoq8uJqlHj*PNN6Az' );
define( 'LOGGED_IN_SALT',   'mCnwTP5NqcxoBWWLV5P8C0NFGBhxWWPwLHZ!2YD6u!TXONcpmq!!untcmKa_QHRD' );
define( 'NONCE_SALT',       'iC!CGD20rHN!Oi9cr*k370H*IFFWmiRXfvfjYzGNfjv-Zu*O4Dw0.u8j95.Y-jet' );
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', 'Mustang99.' );
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
