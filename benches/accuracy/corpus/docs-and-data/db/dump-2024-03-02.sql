-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: mysql-blog.acme-hosting.net    Database: acme_shop
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) NOT NULL,
  `password` varchar(255) NOT NULL,
  `remember_token` varchar(100) DEFAULT NULL,
  `role` enum('customer','admin') NOT NULL DEFAULT 'customer',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `users`
--

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES
(1,'admin@acme-shop.io','$2y$10$h1yudML66YbgqaD7XBPgUbqr2RbwXOq43IedbtWe27WH77hBlyqz/',NULL,'admin'),
(2,'m.keller@acme-shop.io','$2y$10$9PNldsWhXK64VtGHZA2PQLUD/W1nW4kGeJ/ky88BV8/luteLKWMFm','fRfnwOo0Te2eV9RmRj7QcMwVRa1RCrNdKfMDsRMMepIO9onDfakNMYXc1RVL','admin'),
(3,'anna.schmidt@gmail.com','$2y$10$WXTKTiVQ47qsxG72VnY6wGD4tylc/Y3oLOr0GlsP5S.KXv5Zzjhe3',NULL,'customer'),
(4,'j.nowak@wp.pl','$2y$10$p1g1aKfux6fX1L3dd4u2dDGqt1NvVeIWmQmcVFzbjcoP95wL0rKA5',NULL,'customer'),
(5,'lee.chen@outlook.com','$2y$10$3zmg7srxirfu19Ac/kKd2Lq1D595WXjjOt6v3rzKE4RNo88yLVvlw',NULL,'customer');
UNLOCK TABLES;

DROP TABLE IF EXISTS `legacy_members`;
CREATE TABLE `legacy_members` (`id` int, `login` varchar(64), `pass_md5` char(32));
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (1,'webmaster','9d66adbf9c093bdb6b6d3e3c83643263'),(2,'shop','36c1e41b9de20742b2befaaa78f0d926');
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (3,'kasse','9f62f6a418d7112b798ac303fd9ba255');

DROP TABLE IF EXISTS `settings`;
CREATE TABLE `settings` (`name` varchar(64) PRIMARY KEY, `value` text);
INSERT INTO `settings` VALUES ('smtp_password','rainbowboston40'),('theme','dark');
INSERT INTO `settings` VALUES ('paypal_client_secret','AN1Vyp0zFtTj3oRM3sNIZYfFBkXDlYlK5-75E-o4ZvmgpVBw5Cno45a6PUMjRbMuiPcHh0-fwgJ6nIVd');
INSERT INTO `settings` VALUES ('password_min_length','10'),('password_reset_ttl','3600');
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
-- Dump completed on 2024-03-02  3:10:01
